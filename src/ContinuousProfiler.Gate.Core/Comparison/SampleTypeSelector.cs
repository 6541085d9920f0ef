using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// Picks the sample types two sides can be compared on: the same type AND unit in every run of
/// both sides. A <c>samples/count</c> column next to a time column only counts its samples, so it is
/// then compared only when asked for. Every refusal is one line that says how to fix it.
/// </summary>
internal static class SampleTypeSelector
{
    public static IReadOnlyList<SampleType> Select(ScenarioRuns baseRuns, ScenarioRuns headRuns, string? requested)
    {
        foreach (var run in baseRuns.Runs.Concat(headRuns.Runs))
        {
            if (run.Samples.IsEmpty || Enumerable.Range(0, run.SampleTypes.Length).All(i => run.Total(i) == 0))
            {
                throw new InputException($"{Source(run)}: the profile is empty (no samples); expected a profile with at least one non-zero sample");
            }
        }

        var baseTypes = Common(baseRuns);
        var headTypes = Common(headRuns);
        if (requested is not null)
        {
            return [Requested(baseRuns, baseTypes, headRuns, headTypes, requested)];
        }

        var common = baseTypes.Where(headTypes.Contains).ToList();
        if (common.Count == 0)
        {
            var clash = baseTypes.FirstOrDefault(b => headTypes.Any(h => h.Type == b.Type));
            if (clash is not null)
            {
                var other = headTypes.First(h => h.Type == clash.Type);
                throw new InputException($"unit mismatch: base {Source(baseRuns.Runs[0])} has {clash} but head {Source(headRuns.Runs[0])} has {other}; expected the same unit on both sides (convert one profile, or pick another type with --sample-type)");
            }

            throw new InputException($"no common sample type: base {Source(baseRuns.Runs[0])} has {List(baseTypes)} but head {Source(headRuns.Runs[0])} has {List(headTypes)}; expected at least one type/unit on both sides");
        }

        var nonEmpty = common.Where(t => baseRuns.Runs.Concat(headRuns.Runs).All(r => r.Total(RunColumn.IndexOf(r, t)) > 0)).ToList();
        if (nonEmpty.Count == 0)
        {
            throw new InputException($"no common sample type has samples in every run ({List(common)} are zero in some run); expected non-empty profiles");
        }

        // samples/count next to a time column (Go's cpu/nanoseconds) only counts that column's samples, and
        // alloc_samples/count the events behind alloc_space and alloc_objects; next to allocation columns
        // alone (a Go CPU profile merged with a heap one) samples/count is the CPU profile itself, so it stays.
        return [.. nonEmpty.Where(t => !RunColumn.IsCounterFor(t, nonEmpty))];
    }

    private static SampleType Requested(ScenarioRuns baseRuns, List<SampleType> baseTypes, ScenarioRuns headRuns, List<SampleType> headTypes, string requested)
    {
        var first = baseRuns.Runs[0];
        var index = first.ResolveSampleType(requested);
        var wanted = first.SampleTypes[index];
        if (!baseTypes.Contains(wanted))
        {
            throw new InputException($"--sample-type {requested}: not every base run has {wanted}; the base runs share {List(baseTypes)}");
        }

        if (!headTypes.Contains(wanted))
        {
            var clash = headTypes.FirstOrDefault(h => h.Type == wanted.Type);
            throw new InputException(clash is not null
                ? $"unit mismatch: base {Source(first)} has {wanted} but head {Source(headRuns.Runs[0])} has {clash}; expected the same unit on both sides"
                : $"--sample-type {requested}: head {Source(headRuns.Runs[0])} has no {wanted}; it has {List(headTypes)}");
        }

        foreach (var run in baseRuns.Runs.Concat(headRuns.Runs))
        {
            if (run.Total(RunColumn.IndexOf(run, wanted)) == 0)
            {
                throw new InputException($"{Source(run)}: the profile has no {wanted} samples; expected a non-empty profile");
            }
        }

        return wanted;
    }

    private static List<SampleType> Common(ScenarioRuns side) =>
        side.Runs[0].SampleTypes.Where(t => side.Runs.All(r => r.SampleTypes.Contains(t))).Distinct().ToList();

    private static string List(IEnumerable<SampleType> types)
    {
        var text = string.Join(", ", types.Select(t => t.ToString()));
        return text.Length == 0 ? "(none)" : text;
    }

    private static string Source(Profile profile) => profile.Metadata.Source ?? "profile";
}
