using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>Formats one scenario: sample types with their totals, and unprofiled times.</summary>
public static class ScenarioViewBuilder
{
    /// <summary>Builds the view of <paramref name="scenario"/>.</summary>
    public static ScenarioView Build(ScenarioComparison scenario, Verdict verdict, ReportDialect dialect, int nameLength)
    {
        var findings = verdict.Findings.Where(f => f.Scenario == scenario.Scenario).ToList();
        var time = scenario.Time;
        return new ScenarioView
        {
            Name = dialect.Name(scenario.Scenario, nameLength),
            SampleTypes = [.. scenario.SampleTypes.Select(t => SampleType(t, dialect))],
            WallTime = time is null ? null : Time(time.BaseWallMs, time.HeadWallMs, findings, "wall"),
            CpuTime = time is null || time.BaseCpuMs.IsDefaultOrEmpty || time.HeadCpuMs.IsDefaultOrEmpty ? null : Time(time.BaseCpuMs, time.HeadCpuMs, findings, "cpu"),
            Counts = FunctionOutcomes.Count([scenario], verdict),
            Outcome = findings.Any(f => f.Level == FindingLevel.Fail && !f.Accepted) ? "fail"
                : findings.Any(f => f.Level == FindingLevel.Warn && !f.Accepted && f.Kind is FindingKind.Regression or FindingKind.New) ? "warn"
                : "pass",
        };
    }

    /// <summary>The median of some values (0 when empty).</summary>
    public static double Median(ImmutableArray<double> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static SampleTypeView SampleType(SampleTypeComparison type, ReportDialect dialect)
    {
        var baseMean = type.BaseTotals.IsDefaultOrEmpty ? 0 : type.BaseTotals.Average();
        var headMean = type.HeadTotals.IsDefaultOrEmpty ? 0 : type.HeadTotals.Average();
        return new SampleTypeView(
            dialect.Prose(type.SampleType.ToString(), 80),
            NumberText.Count(type.BaseRuns),
            NumberText.Count(type.HeadRuns),
            NumberText.Quantity(baseMean, type.SampleType.Unit),
            NumberText.Quantity(headMean, type.SampleType.Unit),
            baseMean > 0 ? NumberText.Change((headMean - baseMean) / baseMean) : NumberText.Absent,
            NumberText.Count(type.Functions.Length),
            dialect.Prose(type.Normalization, 200));
    }

    private static TimeRowView? Time(ImmutableArray<double> baseMs, ImmutableArray<double> headMs, List<Finding> findings, string which)
    {
        if (baseMs.IsDefaultOrEmpty || headMs.IsDefaultOrEmpty)
        {
            return null;
        }

        var b = Median(baseMs);
        var h = Median(headMs);
        var finding = findings.FirstOrDefault(f => FindingRowBuilder.IsTime(f) && f.Function.Contains(which, StringComparison.Ordinal));
        var change = finding is not null ? FindingRowBuilder.Change(finding)
            : b > 0 ? NumberText.Change((h - b) / b)
            : NumberText.Absent;
        return new TimeRowView(NumberText.Milliseconds(b), NumberText.Milliseconds(h), change, $"{baseMs.Length} → {headMs.Length} runs");
    }
}
