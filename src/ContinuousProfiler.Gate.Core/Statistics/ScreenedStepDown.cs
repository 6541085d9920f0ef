namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// The multiple-comparison correction of the gate. A function can only become a finding when its
/// change beats the rule's threshold and floor AND its test is significant, so the chance that
/// noise alone makes it a false finding at per-test level <c>a</c> is at most <c>min(π, a)</c>,
/// where π is the chance that noise alone beats its threshold and floor (computed from its size
/// and noise, not from the observed change, so choosing the family does not bias the correction).
/// The family-wise error over all functions is then at most Σ min(πᵢ, a); the per-test level is
/// the largest <c>a ≤ α</c> that keeps this sum at α. Big functions whose threshold noise cannot
/// reach cost nothing, tiny noisy ones cost at most <c>a</c> each; functions that no noise can
/// push past the floor drop out. Like Holm's method it steps down: once some hypotheses are
/// rejected, the level is recomputed over the rest (closed testing with monotone local levels).
/// </summary>
public static class ScreenedStepDown
{
    /// <summary>
    /// Decides which hypotheses are rejected. Returns, per hypothesis, the level it was rejected
    /// at, or NaN when it was not (only hypotheses with <paramref name="eligible"/> set can be).
    /// </summary>
    /// <param name="pValues">One-sided p-values.</param>
    /// <param name="screens">π: the chance under no change that the point estimate beats threshold and floor.</param>
    /// <param name="eligible">True when the observed change beat threshold and floor.</param>
    /// <param name="alpha">The family-wise error rate.</param>
    public static double[] Reject(IReadOnlyList<double> pValues, IReadOnlyList<double> screens, IReadOnlyList<bool> eligible, double alpha)
    {
        var n = pValues.Count;
        var levels = new double[n];
        Array.Fill(levels, double.NaN);
        var open = Enumerable.Range(0, n).ToList();
        while (true)
        {
            var level = Level(open.Select(i => screens[i]), alpha);
            var rejected = open.Where(i => eligible[i] && pValues[i] <= level).ToList();
            if (rejected.Count == 0)
            {
                return levels;
            }

            foreach (var i in rejected)
            {
                levels[i] = level;
                open.Remove(i);
            }
        }
    }

    /// <summary>The largest a ≤ α with Σ min(πᵢ, a) ≤ α.</summary>
    public static double Level(IEnumerable<double> screens, double alpha)
    {
        var sorted = screens.Where(p => p > 0).Order().ToArray();
        if (sorted.Sum() <= alpha)
        {
            return alpha;
        }

        // With πs sorted ascending, for a between sorted[k-1] and sorted[k]: sum = Σ_{i<k} πᵢ + (n − k)·a.
        var below = 0.0;
        for (var k = 0; k < sorted.Length; k++)
        {
            var a = (alpha - below) / (sorted.Length - k);
            if (a <= sorted[k])
            {
                return Math.Min(alpha, a);
            }

            below += sorted[k];
        }

        return alpha;
    }
}
