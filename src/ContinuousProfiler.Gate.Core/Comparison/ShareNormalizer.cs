using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>The normalization base found for one sample type.</summary>
/// <param name="Excluded">Per function: left out of the base because it changed significantly.</param>
/// <param name="Base">Per run: the normalization base (run total less the excluded functions' self), raw units.</param>
/// <param name="Samples">Per run: effective samples in the base.</param>
/// <param name="Noise">The noise model estimated against this base.</param>
/// <param name="Iterations">How many rounds it took to settle.</param>
internal sealed record NormalizationOutcome(bool[] Excluded, double[] Base, double[] Samples, NoiseModel Noise, int Iterations);

/// <summary>
/// Robust normalization. Plain shares of the total fail when one function changes a lot: if it gets
/// 2× faster, every other share rises. So each run is normalized by its total less the self weight
/// of the functions that changed significantly, found iteratively:
/// (1) a robust start: the share-weighted median of the head/base share ratios estimates how much
/// the unchanged majority moved, and functions significantly off that ratio form the first changed
/// set; (2) the base is recomputed without them, the noise model re-estimated and every function
/// re-tested (self, two-sided, α = <see cref="ComparisonOptions.NormalizationAlpha"/>, uncorrected:
/// leaving a noisy function out costs little); (3) repeat until the set is stable (at most 10 rounds).
/// The changed set may never hold half of the profile: past that, "what did not change" is undefined
/// and the previous set is kept.
/// </summary>
internal static class ShareNormalizer
{
    private const int MaxIterations = 10;

    public static NormalizationOutcome Normalize(FunctionTable table, double[] totals, double[] scales, int baseRuns, bool scaleKnown, ComparisonOptions options)
    {
        var functions = table.Names.Count;
        var plain = Shares(table, totals);
        var samples = totals.Select((t, r) => t * scales[r]).ToArray();
        var none = new bool[functions];

        var ratio = MedianRatio(plain, samples, baseRuns);
        var start = plain.Select(row => row.Select((p, r) => r < baseRuns ? p : p / ratio).ToArray()).ToList();
        var startNoise = NoiseEstimator.Estimate(start, none, samples, baseRuns, scaleKnown, options.MinJitter);
        var excluded = Changed(start, samples, baseRuns, none, startNoise, options.NormalizationAlpha);
        if (Mass(plain, excluded) > 0.5)
        {
            excluded = none;
        }

        for (var iteration = 1; ; iteration++)
        {
            var bases = totals.Select((t, r) => t - Excluded(table, excluded, r)).ToArray();
            var shares = Shares(table, bases);
            var effective = bases.Select((b, r) => b * scales[r]).ToArray();
            var noise = NoiseEstimator.Estimate(shares, excluded, effective, baseRuns, scaleKnown, options.MinJitter);
            var next = Changed(shares, effective, baseRuns, excluded, noise, options.NormalizationAlpha);
            if (iteration == MaxIterations || next.AsSpan().SequenceEqual(excluded) || Mass(plain, next) > 0.5)
            {
                return new NormalizationOutcome(excluded, bases, effective, noise, iteration);
            }

            excluded = next;
        }
    }

    private static List<double[]> Shares(FunctionTable table, double[] bases) =>
        table.Self.Select(row => row.Select((v, r) => bases[r] > 0 ? v / bases[r] : 0).ToArray()).ToList();

    private static double Excluded(FunctionTable table, bool[] excluded, int run)
    {
        var sum = 0.0;
        for (var f = 0; f < excluded.Length; f++)
        {
            if (excluded[f])
            {
                sum += table.Self[f][run];
            }
        }

        return sum;
    }

    private static bool[] Changed(List<double[]> shares, double[] samples, int baseRuns, bool[] excluded, NoiseModel noise, double alpha)
    {
        var changed = new bool[shares.Count];
        for (var f = 0; f < shares.Count; f++)
        {
            var row = shares[f];
            changed[f] = ShareTest.PValue(row.AsSpan(0, baseRuns), samples.AsSpan(0, baseRuns), row.AsSpan(baseRuns), samples.AsSpan(baseRuns), excluded[f], noise) < alpha;
        }

        return changed;
    }

    private static double Mass(List<double[]> plain, bool[] set)
    {
        var mass = 0.0;
        for (var f = 0; f < set.Length; f++)
        {
            if (set[f])
            {
                mass += plain[f].Average();
            }
        }

        return mass;
    }

    /// <summary>The share-weighted median of head/base mean-share ratios over functions well sampled on both sides.</summary>
    private static double MedianRatio(List<double[]> plain, double[] samples, int baseRuns)
    {
        var points = new List<(double Log, double Weight)>();
        foreach (var row in plain)
        {
            var mb = ShareTest.Mean(row.AsSpan(0, baseRuns));
            var mh = ShareTest.Mean(row.AsSpan(baseRuns));
            var cb = mb * ShareTest.Mean(samples.AsSpan(0, baseRuns));
            var ch = mh * ShareTest.Mean(samples.AsSpan(baseRuns));
            if (cb >= 5 && ch >= 5)
            {
                points.Add((Math.Log(mh / mb), mb + mh));
            }
        }

        if (points.Count == 0)
        {
            return 1;
        }

        points.Sort((a, b) => a.Log.CompareTo(b.Log));
        var half = points.Sum(p => p.Weight) / 2;
        var cumulative = 0.0;
        foreach (var (log, weight) in points)
        {
            cumulative += weight;
            if (cumulative >= half)
            {
                return Math.Exp(log);
            }
        }

        return Math.Exp(points[^1].Log);
    }
}
