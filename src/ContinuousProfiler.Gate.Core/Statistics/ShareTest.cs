namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Compares one function's per-run shares between base and head on the log scale (run-to-run
/// jitter is multiplicative, so lognormal, and symmetric only there). Each run's log share is
/// <c>ln((count + ½) / samples)</c>; the statistic is the difference of the sides' mean log shares
/// over its standard error, where each side's per-run variance is the <see cref="NoiseModel"/>
/// variance at the pooled share (a score test: with one run per side this is a two-proportion test
/// with over-dispersion), moderated by the function's own spread when a side has several runs.
/// P-values come from Student's t with the model's prior degrees of freedom plus the runs' own. When
/// the function has few samples (under <see cref="ExactBelow"/> on both sides together), where a
/// normal approximation of log counts has far too light tails (0 against 8 samples looks like p ≈ 10⁻⁴),
/// each p-value is at least the exact conditional binomial one: given the function's n samples on
/// both sides, head's count is Binomial(n, head samples / all samples) when nothing changed.
/// Intervals use each side's own mean, centred on the ratio of mean shares (the reported change).
/// </summary>
public static class ShareTest
{
    /// <summary>The statistic and its standard error under "no change".</summary>
    /// <param name="baseShares">Base per-run shares (fractions of each run's normalization base).</param>
    /// <param name="baseSamples">Base per-run effective samples in the normalization base.</param>
    /// <param name="headShares">Head per-run shares.</param>
    /// <param name="headSamples">Head per-run effective samples.</param>
    /// <param name="noise">The noise model.</param>
    public static ShareStatistic Statistic(
        ReadOnlySpan<double> baseShares,
        ReadOnlySpan<double> baseSamples,
        ReadOnlySpan<double> headShares,
        ReadOnlySpan<double> headSamples,
        NoiseModel noise)
    {
        var nb = baseShares.Length;
        var nh = headShares.Length;
        var mb = Mean(baseShares);
        var mh = Mean(headShares);
        var pooled = ((mb * nb) + (mh * nh)) / (nb + nh);
        Span<double> logsB = stackalloc double[nb];
        Span<double> logsH = stackalloc double[nh];
        Logs(baseShares, baseSamples, logsB);
        Logs(headShares, headSamples, logsH);
        var lb = Mean(logsB);
        var lh = Mean(logsH);
        var modelB = LogModel(noise, pooled, baseSamples);
        var modelH = LogModel(noise, pooled, headSamples);
        var varB = noise.Moderate(modelB, SampleVariance(logsB, lb), nb);
        var varH = noise.Moderate(modelH, SampleVariance(logsH, lh), nh);
        var jitter = noise.Jitter * noise.Jitter * ((1.0 / nb) + (1.0 / nh));
        var modelDf = noise.ModelDf((modelB / nb) + (modelH / nh), jitter);
        return new ShareStatistic(mb, mh, pooled, lh - lb, Math.Sqrt((varB / nb) + (varH / nh)), modelDf + (nb - 1) + (nh - 1))
        {
            Exact = ExactBinomial(baseShares, baseSamples, headShares, headSamples),
        };
    }

    /// <summary>The two-sided p-value of "no change".</summary>
    public static double PValue(
        ReadOnlySpan<double> baseShares,
        ReadOnlySpan<double> baseSamples,
        ReadOnlySpan<double> headShares,
        ReadOnlySpan<double> headSamples,
        NoiseModel noise) =>
        Statistic(baseShares, baseSamples, headShares, headSamples, noise).PTwoSided;

    /// <summary>Runs the test with intervals at <paramref name="confidence"/> (two-sided).</summary>
    public static ShareTestResult Run(
        ReadOnlySpan<double> baseShares,
        ReadOnlySpan<double> baseSamples,
        ReadOnlySpan<double> headShares,
        ReadOnlySpan<double> headSamples,
        NoiseModel noise,
        double confidence)
    {
        var statistic = Statistic(baseShares, baseSamples, headShares, headSamples, noise);
        var nb = baseShares.Length;
        var nh = headShares.Length;
        var mb = statistic.BaseMean;
        var mh = statistic.HeadMean;
        var critical = Distributions.StudentQuantileUpper((1 - confidence) / 2, statistic.Df);

        var linB = noise.Moderate(LinearModel(noise, mb, baseSamples), SampleVariance(baseShares, mb), nb);
        var linH = noise.Moderate(LinearModel(noise, mh, headSamples), SampleVariance(headShares, mh), nh);
        var seDifference = Math.Sqrt((linB / nb) + (linH / nh));
        var difference = mh - mb;

        double ratioLow = double.NaN, ratioHigh = double.NaN;
        if (mb > 0)
        {
            Span<double> logsB = stackalloc double[nb];
            Span<double> logsH = stackalloc double[nh];
            Logs(baseShares, baseSamples, logsB);
            Logs(headShares, headSamples, logsH);
            var ownB = noise.Moderate(LogModel(noise, mb, baseSamples), SampleVariance(logsB, Mean(logsB)), nb);
            var ownH = noise.Moderate(LogModel(noise, mh, headSamples), SampleVariance(logsH, Mean(logsH)), nh);
            var seLog = Math.Sqrt((ownB / nb) + (ownH / nh));
            var ratio = mh / mb;
            ratioLow = ratio * Math.Exp(-critical * seLog);
            ratioHigh = ratio * Math.Exp(critical * seLog);
        }

        return new ShareTestResult(mb, mh, statistic.PTwoSided, statistic.Df, difference - (critical * seDifference), difference + (critical * seDifference), ratioLow, ratioHigh);
    }

    /// <summary>Below this many samples of a function (both sides together) the exact binomial p-values also apply.</summary>
    public const double ExactBelow = 1000;

    /// <summary>
    /// P(head count ≥ observed) and P(head count ≤ observed) for X ~ Binomial(n, π), n the function's
    /// samples on both sides and π head's part of all samples; counts may be fractional (effective samples).
    /// </summary>
    private static (double Increase, double Decrease) ExactBinomial(ReadOnlySpan<double> baseShares, ReadOnlySpan<double> baseSamples, ReadOnlySpan<double> headShares, ReadOnlySpan<double> headSamples)
    {
        double xb = 0, xh = 0, nb = 0, nh = 0;
        for (var r = 0; r < baseShares.Length; r++)
        {
            xb += baseShares[r] * baseSamples[r];
            nb += baseSamples[r];
        }

        for (var r = 0; r < headShares.Length; r++)
        {
            xh += headShares[r] * headSamples[r];
            nh += headSamples[r];
        }

        var n = xb + xh;
        if (n <= 0 || n >= ExactBelow || nb <= 0 || nh <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var pi = nh / (nb + nh);
        var increase = xh <= 0 ? 1 : SpecialFunctions.IncompleteBeta(xh, n - xh + 1, pi);
        var decrease = xb <= 0 ? 1 : SpecialFunctions.IncompleteBeta(xb, n - xb + 1, 1 - pi);
        return (increase, decrease);
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

    /// <summary>Per-run log shares with half a sample of continuity: ln((p·B + ½) / B).</summary>
    public static void Logs(ReadOnlySpan<double> shares, ReadOnlySpan<double> samples, Span<double> logs)
    {
        for (var r = 0; r < shares.Length; r++)
        {
            var b = Math.Max(samples[r], 1);
            logs[r] = Math.Log(((shares[r] * b) + 0.5) / b);
        }
    }

    private static double LogModel(NoiseModel noise, double share, ReadOnlySpan<double> samples)
    {
        var sum = 0.0;
        foreach (var b in samples)
        {
            sum += noise.LogVariance(share, b);
        }

        return sum / samples.Length;
    }

    private static double LinearModel(NoiseModel noise, double share, ReadOnlySpan<double> samples)
    {
        var sum = 0.0;
        foreach (var b in samples)
        {
            sum += noise.Variance(share, b);
        }

        return sum / samples.Length;
    }
}
