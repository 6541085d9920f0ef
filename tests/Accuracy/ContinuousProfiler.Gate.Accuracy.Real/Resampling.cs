using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Accuracy.Real;

/// <summary>
/// Builds comparisons from the pool: k runs per side drawn without replacement (A/A: two disjoint draws
/// from one variant), compared and judged exactly as <c>profgate compare</c> does with the default policy.
/// </summary>
public sealed class Resampling(Random random, GatePolicy policy)
{
    public Verdict Compare(IReadOnlyList<Profile> basePool, IReadOnlyList<Profile> headPool, int runs)
    {
        var same = ReferenceEquals(basePool, headPool);
        var baseDraw = Draw(basePool, same ? 2 * runs : runs);
        var baseRuns = baseDraw.Take(runs).ToImmutableArray();
        var headRuns = same ? baseDraw.Skip(runs).ToImmutableArray() : Draw(headPool, runs).ToImmutableArray();
        var comparison = Comparer.Compare(
            [new ScenarioRuns("sample", baseRuns, [])],
            [new ScenarioRuns("sample", headRuns, [])],
            new ComparisonOptions { MinJitter = policy.Jitter });
        return GateEvaluator.Evaluate(comparison, policy);
    }

    private List<Profile> Draw(IReadOnlyList<Profile> pool, int count)
    {
        if (count > pool.Count)
        {
            throw new InvalidOperationException($"the pool has {pool.Count} runs but {count} are needed; capture more (capture-pool.sh ROUNDS REPEAT)");
        }

        var indices = Enumerable.Range(0, pool.Count).ToArray();
        random.Shuffle(indices);
        return indices.Take(count).Select(i => pool[i]).ToList();
    }
}
