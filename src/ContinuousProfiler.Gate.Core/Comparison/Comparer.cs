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
        var scale = Enumerable.Range(0, nb).Average(r => normalized.Base[r] / totals[r]);

        var order = Enumerable.Range(0, table.Names.Count).OrderBy(f => table.Names[f], StringComparer.Ordinal).ToArray();
        var functions = ImmutableArray.CreateBuilder<FunctionDiff>(order.Length);
        foreach (var f in order)
        {
            functions.Add(new FunctionDiff(
                table.Names[f],
                Side(table, f, 0, nb, normalized.Base, scale),
                Side(table, f, nb, columns.Length, normalized.Base, scale))
            {
                Excluded = normalized.Excluded[f],
            });
        }

        var excluded = order.Where(f => normalized.Excluded[f]).Select(f => table.Names[f]).ToImmutableArray();
        var bases = normalized.Base;
        return new SampleTypeComparison
        {
            SampleType = type,
            Functions = functions.MoveToImmutable(),
            RootFactory = () => BuildTree(columns, nb, nameOf, bases, scale),
            BaseTotals = [.. totals.Take(nb)],
            HeadTotals = [.. totals.Skip(nb)],
            BaseSamples = [.. normalized.Samples.Take(nb)],
            HeadSamples = [.. normalized.Samples.Skip(nb)],
            Scale = scale,
            Excluded = excluded,
            Noise = normalized.Noise,
            Normalization = Describe(excluded, normalized.Iterations),
        };
    }

    private static SideValues Side(FunctionTable table, int f, int from, int to, double[] bases, double scale)
    {
        var self = new double[to - from];
        var total = new double[to - from];
        double rawSelf = 0, rawTotal = 0;
        for (var r = from; r < to; r++)
        {
            self[r - from] = table.Self[f][r] / bases[r] * scale;
            total[r - from] = table.Total[f][r] / bases[r] * scale;
            rawSelf += table.Self[f][r];
            rawTotal += table.Total[f][r];
        }

        return new SideValues([.. self], [.. total], rawSelf, rawTotal);
    }

    private static DiffNode BuildTree(RunColumn[] columns, int baseRuns, Func<Frame, string> nameOf, double[] bases, double scale)
    {
        var root = new DiffNode("root", null);
        for (var r = 0; r < columns.Length; r++)
        {
            var head = r >= baseRuns;
            var weight = scale / bases[r] / (head ? columns.Length - baseRuns : baseRuns);
            var profile = columns[r].Profile;
            var names = profile.Frames.Select(nameOf).ToArray();
            foreach (var sample in profile.Samples)
            {
                var value = sample.Values[columns[r].Index];
                if (value != 0)
                {
                    root.Add([.. sample.Stack.Select(i => names[i])], value * weight, head);
                }
            }
        }

        return root;
    }

    private static string Describe(ImmutableArray<string> excluded, int iterations)
    {
        if (excluded.IsEmpty)
        {
            return "share of total";
        }

        var names = string.Join(", ", excluded.Take(3)) + (excluded.Length > 3 ? ", …" : "");
        var count = excluded.Length.ToString(CultureInfo.InvariantCulture);
        return $"share of the total less {count} function{(excluded.Length == 1 ? "" : "s")} that changed significantly ({names}), head in base units; {iterations.ToString(CultureInfo.InvariantCulture)} round{(iterations == 1 ? "" : "s")}";
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
