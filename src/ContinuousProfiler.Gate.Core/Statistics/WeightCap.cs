namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Caps weights so that none holds more than a fraction of their (capped) total: a robust estimate over
/// many functions must not be decided by one big function that really changed.
/// </summary>
internal static class WeightCap
{
    /// <summary>
    /// Caps every weight at <paramref name="fraction"/> of the capped total, in up to 20 rounds. With fewer
    /// weights than 1 / <paramref name="fraction"/> no cap can hold, and the rounds bring them close to equal.
    /// </summary>
    public static double[] Apply(double[] weights, double fraction)
    {
        weights = [.. weights];
        for (var round = 0; round < 20; round++)
        {
            var cap = weights.Sum() * fraction;
            if (weights.All(w => w <= cap * 1.000001))
            {
                break;
            }

            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = Math.Min(weights[i], cap);
            }
        }

        return weights;
    }
}
