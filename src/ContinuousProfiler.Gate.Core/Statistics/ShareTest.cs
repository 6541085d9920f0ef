namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Compares one function's per-run shares between base and head. The statistic is the difference
/// of mean shares over its standard error, where each side's per-run variance is the
/// <see cref="NoiseModel"/> variance at the pooled share (a score test: with one run per side this
/// is the two-proportion z-test with over-dispersion), moderated by the function's own spread when
/// a side has several runs. The p-value is from Student's t with the model's prior degrees of
/// freedom plus the runs' own. Intervals use each side's own mean (Wald), on the log scale for the ratio.
/// </summary>
public static class ShareTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="baseShares">Base per-run shares (fractions of each run's normalization base).</param>
    /// <param name="baseSamples">Base per-run effective samples in the normalization base.</param>
    /// <param name="headShares">Head per-run shares.</param>
    /// <param name="headSamples">Head per-run effective samples.</param>
    /// <param name="excluded">True when the function is left out of the normalization base.</param>
    /// <param name="noise">The noise model.</param>
    /// <param name="confidence">Confidence of the intervals (e.g. 0.99).</param>
    public static ShareTestResult Run(
        ReadOnlySpan<double> baseShares,
        ReadOnlySpan<double> baseSamples,
        ReadOnlySpan<double> headShares,
        ReadOnlySpan<double> headSamples,
        bool excluded,
        NoiseModel noise,
        double confidence)
    {
        var nb = baseShares.Length;
        var nh = headShares.Length;
        var mb = Mean(baseShares);
        var mh = Mean(headShares);
        var df = noise.PriorDf + (nb - 1) + (nh - 1);
        var difference = mh - mb;
        var p = PValue(baseShares, baseSamples, headShares, headSamples, excluded, noise);

        var ownB = noise.Moderate(ModelVariance(noise, mb, baseSamples, excluded), SampleVariance(baseShares, mb), nb);
        var ownH = noise.Moderate(ModelVariance(noise, mh, headSamples, excluded), SampleVariance(headShares, mh), nh);
        var critical = Distributions.StudentQuantileUpper((1 - confidence) / 2, df);
        var seOwn = Math.Sqrt((ownB / nb) + (ownH / nh));
        var low = difference - (critical * seOwn);
        var high = difference + (critical * seOwn);

        double ratioLow = double.NaN, ratioHigh = double.NaN;
        if (mb > 0 && mh > 0)
        {
            var seLog = Math.Sqrt((ownB / (nb * mb * mb)) + (ownH / (nh * mh * mh)));
            var log = Math.Log(mh / mb);
            ratioLow = Math.Exp(log - (critical * seLog));
            ratioHigh = Math.Exp(log + (critical * seLog));
        }
        else if (mb > 0)
        {
            ratioLow = 0;
            ratioHigh = Math.Max(0, 1 + (high / mb));
        }

        return new ShareTestResult(mb, mh, p, df, low, high, ratioLow, ratioHigh);
    }

    /// <summary>The two-sided p-value of "no change" alone (what <see cref="Run"/> computes, without intervals).</summary>
    public static double PValue(
        ReadOnlySpan<double> baseShares,
        ReadOnlySpan<double> baseSamples,
        ReadOnlySpan<double> headShares,
        ReadOnlySpan<double> headSamples,
        bool excluded,
        NoiseModel noise)
    {
        var nb = baseShares.Length;
        var nh = headShares.Length;
        var mb = Mean(baseShares);
        var mh = Mean(headShares);
        var difference = mh - mb;
        if (difference == 0)
        {
            return 1;
        }

        var pooled = ((mb * nb) + (mh * nh)) / (nb + nh);
        var varB = noise.Moderate(ModelVariance(noise, pooled, baseSamples, excluded), SampleVariance(baseShares, mb), nb);
        var varH = noise.Moderate(ModelVariance(noise, pooled, headSamples, excluded), SampleVariance(headShares, mh), nh);
        var se = Math.Sqrt((varB / nb) + (varH / nh));
        return se > 0 ? Distributions.StudentTwoSided(difference / se, noise.PriorDf + (nb - 1) + (nh - 1)) : 0;
    }

    /// <summary>The mean of a span (0 when empty).</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return values.Length == 0 ? 0 : sum / values.Length;
    }

    /// <summary>The unbiased sample variance, NaN with fewer than two values.</summary>
    public static double SampleVariance(ReadOnlySpan<double> values, double mean)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (values.Length - 1);
    }

    private static double ModelVariance(NoiseModel noise, double share, ReadOnlySpan<double> samples, bool excluded)
    {
        var sum = 0.0;
        foreach (var b in samples)
        {
            sum += noise.Variance(share, b, excluded);
        }

        return sum / samples.Length;
    }
}
