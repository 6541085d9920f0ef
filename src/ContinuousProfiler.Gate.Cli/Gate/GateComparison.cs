using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>Compares head with the baseline under the policy and judges it (an empty comparison when there is no baseline).</summary>
internal static class GateComparison
{
    public static (ComparisonResult Comparison, Verdict Verdict) Run(GateBaseline baseline, LoadedProfileSet head, GatePolicy policy)
    {
        var comparison = baseline.Set is { } baseSet
            ? Comparer.Compare(baseSet.Scenarios, head.Scenarios, new ComparisonOptions { NameOf = FrameNormalizer.For(policy).NameOf, MinJitter = policy.Jitter }, baseline.Provenance)
            : new ComparisonResult([], baseline.Provenance, [], []);
        return (comparison, GateEvaluator.Evaluate(comparison, policy));
    }
}
