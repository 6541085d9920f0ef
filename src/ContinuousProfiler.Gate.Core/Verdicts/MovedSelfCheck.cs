using System.Globalization;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// Tells a self increase that is cost moved in from callees from one that is new cost. A JIT that inlines
/// a callee in some runs and not in others (tiered compilation's timing differs from run to run), or code
/// moved from a callee into its caller, raises the caller's self while its total, which includes the
/// callees, stays put. New cost raises both. So a self increase is moved when, with 95% confidence, the
/// function's total rose by less than half of it. A total measured too loosely to tell keeps the finding.
/// </summary>
internal static class MovedSelfCheck
{
    private const double Confidence = 0.90;

    /// <summary>Turns the findings whose self increase is cost moved in from callees into notes (rule <c>moved</c>, info).</summary>
    public static List<Finding> Apply(List<Finding> findings, ComparisonResult comparison)
    {
        var result = new List<Finding>(findings.Count);
        // One name index per compared sample type, built on first need: a comparison of very different
        // profiles can have thousands of regressions over tens of thousands of functions.
        var rows = new Dictionary<(string Scenario, string SampleType), (SampleTypeComparison? Type, Dictionary<string, FunctionDiff> ByName)>();
        foreach (var finding in findings)
        {
            string? reason = null;
            if (finding.Kind == FindingKind.Regression && finding.Measure == Measure.Self && finding.Function.Length > 0)
            {
                if (!rows.TryGetValue((finding.Scenario, finding.SampleType), out var entry))
                {
                    var type = comparison.Scenarios.FirstOrDefault(s => s.Scenario == finding.Scenario)?.SampleTypes.FirstOrDefault(t => t.SampleType.Type == finding.SampleType);
                    entry = (type, type?.Functions.ToDictionary(f => f.Function, StringComparer.Ordinal) ?? []);
                    rows[(finding.Scenario, finding.SampleType)] = entry;
                }

                reason = entry.Type is not null && entry.ByName.TryGetValue(finding.Function, out var row) ? Explain(entry.Type, row) : null;
            }

            result.Add(reason is null ? finding : finding with
            {
                Kind = FindingKind.Notice,
                Level = FindingLevel.Info,
                Rule = "moved",
                Message = $"{finding.Function}: {finding.SampleType} self {FormatChange(finding.Change)}, but {reason}",
            });
        }

        return result;
    }

    private static string FormatChange(double? change) =>
        change is { } c ? (c >= 0 ? "+" : "") + (c * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "appeared (none in base)";

    /// <summary>Why the self increase of <paramref name="row"/> is cost moved in from its callees, or null when it is not (or cannot be told).</summary>
    public static string? Explain(SampleTypeComparison comparison, FunctionDiff row)
    {
        var rise = row.Head.MeanSelf - row.Base.MeanSelf;
        if (rise <= 0 || row.IsNew)
        {
            return null;
        }

        var test = ShareTest.Run(row.Base.Total.AsSpan(), comparison.BaseSamples.AsSpan(), row.Head.Total.AsSpan(), comparison.HeadSamples.AsSpan(), comparison.TotalNoise, Confidence);
        var totalRise = row.Head.MeanTotal - row.Base.MeanTotal;
        return test.DifferenceHigh < rise / 2
            ? $"its total (with its callees) changed by only {Points(totalRise)} while its self rose by {Points(rise)}: the cost moved in from its callees (the JIT inlined them, or code moved), it is not new"
            : null;
    }

    private static string Points(double share) => (share >= 0 ? "+" : "") + (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " points";
}
