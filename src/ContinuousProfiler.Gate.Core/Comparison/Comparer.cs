using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// Aligns base and head: per common scenario and sample type, a per-function table of per-run
/// shares (robustly normalized, see <see cref="ShareNormalizer"/>) and the union call tree; plus
/// scenario time when both sides carry unprofiled timings. Pure and deterministic.
/// </summary>
public static class Comparer
{
    /// <summary>
    /// Compares every scenario both sides have (by name; one scenario on each side is compared
    /// whatever the names). Scenarios on one side only are listed in the result.
    /// </summary>
    public static ComparisonResult Compare(IReadOnlyList<ScenarioRuns> baseSide, IReadOnlyList<ScenarioRuns> headSide, ComparisonOptions? options = null, Provenance? provenance = null)
    {
        options ??= ComparisonOptions.Default;
        var pairs = new List<(ScenarioRuns Base, ScenarioRuns Head)>();
        if (baseSide.Count == 1 && headSide.Count == 1)
        {
            pairs.Add((baseSide[0], headSide[0]));
        }
        else
        {
            var heads = headSide.ToDictionary(s => s.Name, StringComparer.Ordinal);
            pairs.AddRange(baseSide.Where(b => heads.ContainsKey(b.Name)).Select(b => (b, heads[b.Name])));
        }

        var paired = pairs.Select(p => p.Base.Name).Concat(pairs.Select(p => p.Head.Name)).ToHashSet(StringComparer.Ordinal);
        var scenarios = pairs
            .Select(p => CompareScenario(p.Base, p.Head, options))
            .OrderBy(s => s.Scenario, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ComparisonResult(
            scenarios,
            provenance ?? new Provenance(),
            [.. baseSide.Select(s => s.Name).Where(n => !paired.Contains(n)).Order(StringComparer.Ordinal)],
            [.. headSide.Select(s => s.Name).Where(n => !paired.Contains(n)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Compares one scenario's runs.</summary>
    /// <exception cref="InputException">No common sample type, a unit mismatch, or an empty profile.</exception>
    public static ScenarioComparison CompareScenario(ScenarioRuns baseRuns, ScenarioRuns headRuns, ComparisonOptions? options = null)
    {
        options ??= ComparisonOptions.Default;
        if (baseRuns.Runs.IsDefaultOrEmpty || headRuns.Runs.IsDefaultOrEmpty)
        {
            throw new InputException($"scenario '{headRuns.Name}': a side has no profiled runs; expected at least one profile per side");
        }

        var nameOf = Memoize(options.NameOf ?? (static f => f.Name));
        var types = SampleTypeSelector.Select(baseRuns, headRuns, options.SampleType);
        var comparisons = types.Select(t => CompareType(baseRuns, headRuns, t, nameOf, options)).ToImmutableArray();
        TimeComparison? time = null;
        if (!baseRuns.Timings.IsDefaultOrEmpty && !headRuns.Timings.IsDefaultOrEmpty)
        {
            time = new TimeComparison(
                [.. baseRuns.Timings.Select(t => t.WallMs)],
                [.. headRuns.Timings.Select(t => t.WallMs)],
                [.. baseRuns.Timings.Select(t => t.CpuMs)],
                [.. headRuns.Timings.Select(t => t.CpuMs)]);
        }

        return new ScenarioComparison(headRuns.Name, comparisons, time);
    }

    private static SampleTypeComparison CompareType(ScenarioRuns baseRuns, ScenarioRuns headRuns, SampleType type, Func<Frame, string> nameOf, ComparisonOptions options)
    {
        var columns = baseRuns.Runs.Concat(headRuns.Runs).Select(p => RunColumn.Create(p, type)).ToArray();
        var nb = baseRuns.Runs.Length;
        var table = FunctionTable.Build(columns, nameOf);
        var totals = columns.Select(c => c.Total).ToArray();
        var normalized = ShareNormalizer.Normalize(table, totals, [.. columns.Select(c => c.Scale)], nb, columns.All(c => c.ScaleKnown), options);
        var divisors = totals.Select((t, r) => r < nb ? t : t * normalized.HeadFactor).ToArray();

        var order = Enumerable.Range(0, table.Names.Count).OrderBy(f => table.Names[f], StringComparer.Ordinal).ToArray();
        var functions = ImmutableArray.CreateBuilder<FunctionDiff>(order.Length);
        foreach (var f in order)
        {
            functions.Add(new FunctionDiff(table.Names[f], Side(table, f, 0, nb, divisors), Side(table, f, nb, columns.Length, divisors))
            {
                Excluded = normalized.Changed[f],
            });
        }

        var excluded = order.Where(f => normalized.Changed[f]).Select(f => table.Names[f]).ToImmutableArray();
        var totalShares = table.Total.Select(row => row.Select((v, r) => v / divisors[r]).ToArray()).ToList();
        var totalNoise = ShareNormalizer.NoiseOf(totalShares, normalized, nb, columns.All(c => c.ScaleKnown), options);
        return new SampleTypeComparison
        {
            SampleType = type,
            Functions = functions.MoveToImmutable(),
            RootFactory = () => DiffTreeBuilder.Build(columns, nb, nameOf, divisors),
            BaseTotals = [.. totals.Take(nb)],
            HeadTotals = [.. totals.Skip(nb)],
            BaseSamples = [.. normalized.Samples.Take(nb)],
            HeadSamples = [.. normalized.Samples.Skip(nb)],
            HeadFactor = normalized.HeadFactor,
            Excluded = excluded,
            Noise = normalized.Noise,
            TotalNoise = totalNoise,
            Normalization = Describe(normalized, excluded),
        };
    }

    private static SideValues Side(FunctionTable table, int f, int from, int to, double[] divisors)
    {
        var self = new double[to - from];
        var total = new double[to - from];
        double rawSelf = 0, rawTotal = 0;
        for (var r = from; r < to; r++)
        {
            self[r - from] = table.Self[f][r] / divisors[r];
            total[r - from] = table.Total[f][r] / divisors[r];
            rawSelf += table.Self[f][r];
            rawTotal += table.Total[f][r];
        }

        return new SideValues([.. self], [.. total], rawSelf, rawTotal);
    }

    private static string Describe(NormalizationOutcome outcome, ImmutableArray<string> excluded)
    {
        var culture = CultureInfo.InvariantCulture;
        if (excluded.IsEmpty && Math.Abs(outcome.HeadFactor - 1) < 1e-12)
        {
            return "share of each run's total";
        }

        var text = $"share of each run's total; head divided by {outcome.HeadFactor.ToString("0.####", culture)}, how much the {outcome.Informing.ToString(culture)} well-sampled functions that did not change significantly moved (precision-weighted), so head reads in base units";
        if (!excluded.IsEmpty)
        {
            var names = string.Join(", ", excluded.Take(3)) + (excluded.Length > 3 ? ", …" : "");
            text += $"; {excluded.Length.ToString(culture)} changed significantly ({names})";
        }

        return text;
    }

    private static Func<Frame, string> Memoize(Func<Frame, string> nameOf)
    {
        var cache = new Dictionary<Frame, string>();
        return frame =>
        {
            if (!cache.TryGetValue(frame, out var name))
            {
                name = nameOf(frame);
                cache.Add(frame, name);
            }

            return name;
        };
    }
}
