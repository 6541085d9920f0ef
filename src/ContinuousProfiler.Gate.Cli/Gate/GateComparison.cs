using ContinuousProfiler.Gate.Cli.Comparing;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>
/// Compares head with the baseline under the policy and judges it exactly as <c>profgate diff</c> does
/// (same normalization, same primary sample type); an empty comparison when there is no baseline.
/// </summary>
internal static class GateComparison
{
    public static (ComparisonResult Comparison, Verdict Verdict) Run(GateBaseline baseline, LoadedProfileSet head, string headPath, GatePolicy policy)
    {
        if (baseline.Set is not { } baseSet)
        {
            var none = new ComparisonResult([], baseline.Provenance, [], []);
            return (none, GateEvaluator.Evaluate(none, policy));
        }

        var comparison = Comparer.Compare(baseSet.Scenarios, head.Scenarios, ComparisonService.Options(policy), baseline.Provenance);
        return (comparison, ComparisonService.Judge(comparison, head.Scenarios, policy));
    }
}
