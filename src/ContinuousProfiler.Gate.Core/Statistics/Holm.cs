namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Holm's step-down correction: controls the chance of any false positive among the tested
/// hypotheses (family-wise error), without assuming independence, and is uniformly more powerful
/// than Bonferroni.
/// </summary>
public static class Holm
{
    /// <summary>Adjusted p-values, in the input order; compare each with α.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
