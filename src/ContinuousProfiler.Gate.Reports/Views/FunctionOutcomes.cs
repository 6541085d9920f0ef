using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>
/// Counts each function once per scenario, by the first that applies: regressed (a regression finding),
/// improved (an improvement finding), new (absent in base), gone (absent in head), else unchanged.
/// </summary>
public static class FunctionOutcomes
{
    /// <summary>Counts over the given scenarios.</summary>
    public static CountsView Count(IEnumerable<ScenarioComparison> scenarios, Verdict verdict)
    {
        long regressed = 0, improved = 0, unchanged = 0, added = 0, gone = 0;
        foreach (var scenario in scenarios)
        {
            var findings = verdict.Findings.Where(f => f.Scenario == scenario.Scenario).ToList();
            var regressedNames = Names(findings, FindingKind.Regression);
            var improvedNames = Names(findings, FindingKind.Improvement);
            foreach (var group in scenario.SampleTypes.SelectMany(t => t.Functions).GroupBy(f => f.Function, StringComparer.Ordinal))
            {
                if (regressedNames.Contains(group.Key))
                {
                    regressed++;
                }
                else if (improvedNames.Contains(group.Key))
                {
                    improved++;
                }
                else if (group.All(f => f.IsNew))
                {
                    added++;
                }
                else if (group.All(f => f.IsGone))
                {
                    gone++;
                }
                else
                {
                    unchanged++;
                }
            }
        }

        return new CountsView(
            NumberText.Count(regressed),
            NumberText.Count(improved),
            NumberText.Count(unchanged),
            NumberText.Count(added),
            NumberText.Count(gone),
            NumberText.Count(regressed + improved + unchanged + added + gone));
    }

    private static HashSet<string> Names(IEnumerable<Finding> findings, FindingKind kind) =>
        findings.Where(f => f.Kind == kind).Select(f => f.Function).ToHashSet(StringComparer.Ordinal);
}
