using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>
/// The one-line verdict, counted from the same findings the tables list, so the line and the tables agree.
/// </summary>
public static class VerdictViewBuilder
{
    /// <summary>Builds the verdict line.</summary>
    public static VerdictView Build(ComparisonResult comparison, Verdict verdict)
    {
        var findings = verdict.Findings;
        var failing = findings.Where(f => f.Level == FindingLevel.Fail && !f.Accepted).ToList();
        if (failing.Count > 0)
        {
            return new VerdictView("fail", "❌", "Performance regression", $"{Describe(failing)} {(failing.Count == 1 ? "fails" : "fail")} the gate.");
        }

        if (comparison.Provenance.NoBaselineReason is not null)
        {
            return new VerdictView("no-baseline", "ℹ️", "No baseline", "nothing to compare against yet, so the gate passes.");
        }

        var warnings = findings.Where(f => f.Level == FindingLevel.Warn && !f.Accepted && f.Kind is FindingKind.Regression or FindingKind.New).ToList();
        if (warnings.Count > 0)
        {
            return new VerdictView("warn", "⚠️", "Passed with warnings", $"{Describe(warnings)} above the warn threshold; nothing fails the gate.");
        }

        var accepted = findings.Count(f => f.Accepted);
        var improved = findings.Count(f => f.Kind == FindingKind.Improvement);
        var parts = new List<string> { "no significant regression" };
        if (accepted > 0)
        {
            parts[0] = "no failing regression";
            parts.Add(Wording.Plural(accepted, "regression") + " accepted");
        }

        if (improved > 0)
        {
            parts.Add(Wording.Plural(improved, "improvement"));
        }

        return new VerdictView("pass", "✅", "Passed", Wording.Join(parts) + ".");
    }

    private static string Describe(IReadOnlyCollection<Finding> findings)
    {
        var parts = findings
            .GroupBy(f => (f.Kind, Time: FindingRowBuilder.IsTime(f)))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Time)
            .Select(g => g.Key switch
            {
                (FindingKind.Regression, true) => Wording.Plural(g.Count(), "scenario-time regression"),
                (FindingKind.Regression, false) => Wording.Plural(g.Count(), "function regression"),
                (FindingKind.New, _) => Wording.Plural(g.Count(), "new hotspot"),
                (FindingKind.Gone, _) => Wording.Plural(g.Count(), "vanished function"),
                (FindingKind.Improvement, _) => Wording.Plural(g.Count(), "improvement"),
                _ => Wording.Plural(g.Count(), "notice"),
            })
            .ToList();
        return Wording.Join(parts);
    }
}
