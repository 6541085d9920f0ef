using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>The normalization found for one sample type.</summary>
/// <param name="Changed">Per function: it changed significantly, so it did not inform the normalization.</param>
/// <param name="HeadFactor">Head shares are head values ÷ (head run total × this factor).</param>
/// <param name="Samples">Per run (base first): effective samples behind one unit of normalized share.</param>
/// <param name="Noise">The noise model estimated under this normalization.</param>
/// <param name="Iterations">How many rounds it took to settle.</param>
/// <param name="Informing">How many functions informed the factor.</param>
internal sealed record NormalizationOutcome(bool[] Changed, double HeadFactor, double[] Samples, NoiseModel Noise, int Iterations, int Informing);

/// <summary>
/// Robust normalization. Plain shares of the total fail when one function changes a lot: if it gets
/// 2× faster, every other share rises. So base shares stay plain shares of each base run's total,
/// and head shares are divided by a factor: how much the shares of the functions that did NOT change
/// moved from base to head. The factor is the precision-weighted mean of those functions' head/base
/// log share ratios (each weighs by the inverse of its noise variance, so a big function counts no
/// more than its measurement is worth), found iteratively: (1) start from the share-weighted median
/// ratio; (2) estimate the noise, test every function against the current factor (self, two-sided,
/// α = <see cref="ComparisonOptions.NormalizationAlpha"/>, uncorrected, so doubtful functions stay out);
/// (3) recompute the factor from the functions not significantly changed; repeat until the changed
/// set is stable (at most 10 rounds). Head values then read in base units: a function 2× faster
/// halves its share while the others keep theirs, and the head total reads as the head's cost
/// relative to base.
/// </summary>
internal static class ShareNormalizer
{
    private const int MaxIterations = 10;
    private const double MinCount = 5;

    // No function weighs more than this fraction of the starting median: one big function that moved (a
    // 44% function tripling) must not outvote the many that did not, whose shares all moved alike.
    private const double MaxMedianWeight = 0.125;

    // |z| ≥ 5: changes this far beyond noise stay out of the next round's noise estimate.
    private const double OutlierAlpha = 5.7e-7;

    public static NormalizationOutcome Normalize(FunctionTable table, double[] totals, double[] scales, int baseRuns, bool scaleKnown, ComparisonOptions options)
    {
        var runs = totals.Length;
        var plain = table.Self.Select(row => row.Select((v, r) => totals[r] > 0 ? v / totals[r] : 0).ToArray()).ToList();
        var rawSamples = totals.Select((t, r) => t * scales[r]).ToArray();
        var center = MedianLogRatio(plain, rawSamples, baseRuns);
        var changed = new bool[plain.Count];
        bool[]? outliers = null;
        for (var iteration = 1; ; iteration++)
        {
            var (shares, samples) = Apply(plain, rawSamples, baseRuns, Math.Exp(center));
            var noise = NoiseEstimator.Estimate(shares, outliers, samples, baseRuns, scaleKnown, options.MinJitter);
            var next = Changed(shares, samples, baseRuns, noise, options.NormalizationAlpha);
            outliers = Changed(shares, samples, baseRuns, noise, OutlierAlpha);
            var (refined, informing) = WeightedLogRatio(plain, rawSamples, baseRuns, next, noise);
            var settled = next.AsSpan().SequenceEqual(changed) && Math.Abs(refined - center) < 1e-9;
            if (settled || iteration == MaxIterations || informing == 0)
            {
                return new NormalizationOutcome(next, Math.Exp(center), samples, noise, iteration, informing);
            }

            changed = next;
            center = refined;
        }
    }

    /// <summary>
    /// The noise model of other shares under an outcome's normalization (total shares): estimated once,
    /// then again without the functions that changed far beyond that noise (a changed leaf moves the
    /// totals of all its callers, too many for the median alone to ignore).
    /// </summary>
    public static NoiseModel NoiseOf(List<double[]> shares, NormalizationOutcome outcome, int baseRuns, bool scaleKnown, ComparisonOptions options)
    {
        var first = NoiseEstimator.Estimate(shares, null, outcome.Samples, baseRuns, scaleKnown, options.MinJitter);
        var outliers = Changed(shares, outcome.Samples, baseRuns, first, OutlierAlpha);
        return NoiseEstimator.Estimate(shares, outliers, outcome.Samples, baseRuns, scaleKnown, options.MinJitter);
    }

    private static (List<double[]> Shares, double[] Samples) Apply(List<double[]> plain, double[] rawSamples, int baseRuns, double factor) => (
        [.. plain.Select(row => row.Select((p, r) => r < baseRuns ? p : p / factor).ToArray())],
        [.. rawSamples.Select((s, r) => r < baseRuns ? s : s * factor)]);

    private static bool[] Changed(List<double[]> shares, double[] samples, int baseRuns, NoiseModel noise, double alpha)
    {
        // Leaving a function out of the factor is cheap, so the model counts as exact here (no t
        // penalty for an uncertain jitter): a big function that clearly moved must not steer it.
        noise = noise with { JitterDf = double.PositiveInfinity };
        var changed = new bool[shares.Count];
        for (var f = 0; f < shares.Count; f++)
        {
            var row = shares[f];
            changed[f] = ShareTest.PValue(row.AsSpan(0, baseRuns), samples.AsSpan(0, baseRuns), row.AsSpan(baseRuns), samples.AsSpan(baseRuns), noise) < alpha;
        }

        return changed;
    }

    /// <summary>
    /// The precision-weighted mean head/base log share ratio of the well-sampled functions not marked changed,
    /// no function weighing more than <see cref="MaxMedianWeight"/> of the total: a function holding half the
    /// profile is also the most precisely measured, and uncapped it would set the factor by itself, so its own
    /// change would read as everyone else's (+10% bytes in a 52% function read as −4% in all the others).
    /// </summary>
    private static (double Center, int Informing) WeightedLogRatio(List<double[]> plain, double[] rawSamples, int baseRuns, bool[] changed, NoiseModel noise)
    {
        var points = new List<(double Ratio, double Weight)>();
        for (var f = 0; f < plain.Count; f++)
        {
            var row = plain[f];
            if (changed[f] || !WellSampled(row, rawSamples, baseRuns))
            {
                continue;
            }

            var ratio = Math.Log(ShareTest.Mean(row.AsSpan(baseRuns)) / ShareTest.Mean(row.AsSpan(0, baseRuns)));
            var statistic = ShareTest.Statistic(row.AsSpan(0, baseRuns), rawSamples.AsSpan(0, baseRuns), row.AsSpan(baseRuns), rawSamples.AsSpan(baseRuns), noise);
            points.Add((ratio, 1 / (statistic.StandardError * statistic.StandardError)));
        }

        double[] raw = [.. points.Select(p => p.Weight)];
        var weights = points.Count * MaxMedianWeight > 1 ? WeightCap.Apply(raw, MaxMedianWeight) : raw;
        double sum = 0, total = 0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += points[i].Ratio * weights[i];
            total += weights[i];
        }

        return (total > 0 ? sum / total : 0, points.Count);
    }

    /// <summary>
    /// The share-weighted median head/base log ratio of the well-sampled functions (0 when none), each
    /// weight capped at <see cref="MaxMedianWeight"/> of the total.
    /// </summary>
    private static double MedianLogRatio(List<double[]> plain, double[] rawSamples, int baseRuns)
    {
        var points = new List<(double Log, double Weight)>();
        foreach (var row in plain)
        {
            if (WellSampled(row, rawSamples, baseRuns))
            {
                var mb = ShareTest.Mean(row.AsSpan(0, baseRuns));
                var mh = ShareTest.Mean(row.AsSpan(baseRuns));
                points.Add((Math.Log(mh / mb), mb + mh));
            }
        }

        if (points.Count == 0)
        {
            return 0;
        }

        var cap = MaxMedianWeight * points.Sum(p => p.Weight);
        points = [.. points.Select(p => (p.Log, Math.Min(p.Weight, cap)))];
        points.Sort((a, b) => a.Log.CompareTo(b.Log));
        var half = points.Sum(p => p.Weight) / 2;
        var cumulative = 0.0;
        foreach (var (log, weight) in points)
        {
            cumulative += weight;
            if (cumulative >= half)
            {
                return log;
            }
        }

        return points[^1].Log;
    }

    private static bool WellSampled(double[] row, double[] samples, int baseRuns)
    {
        double cb = 0, ch = 0;
        for (var r = 0; r < row.Length; r++)
        {
            if (r < baseRuns)
            {
                cb += row[r] * samples[r];
            }
            else
            {
                ch += row[r] * samples[r];
            }
        }

        return cb >= MinCount && ch >= MinCount;
    }
}
