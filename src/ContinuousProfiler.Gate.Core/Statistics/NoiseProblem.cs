namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// One estimation problem: per function an observed variance statistic (χ²_Df/Df-distributed
/// around its model variance), the model as a function of (dispersion, jitter), and how much
/// of the model is jitter.
/// </summary>
internal sealed class NoiseProblem(double[] observed, Func<int, double, double, double> model, int df, double jitterFactor, string label)
{
    public int Df => df;

    public int Count => observed.Length;

    /// <summary>The median absolute log ratio of observed to model variance around the χ² target: how well the model's shape fits.</summary>
    public double Misfit(double dispersion, double jitter, double target)
    {
        var deviations = new double[observed.Length];
        for (var i = 0; i < observed.Length; i++)
        {
            deviations[i] = observed[i] > 0 ? Math.Abs(Math.Log(observed[i] / model(i, dispersion, jitter) / target)) : double.PositiveInfinity;
        }

        Array.Sort(deviations);
        return deviations[deviations.Length / 2];
    }

    public string Label => label;

    /// <summary>
    /// Information weights 1 / model² at a pilot estimate, capped so that no function holds more
    /// than an eighth of the total: the median must stay robust to one big function that really changed.
    /// </summary>
    public double[] Weights(double dispersion, double jitter)
    {
        return WeightCap.Apply([.. observed.Select((_, i) => 1 / Math.Pow(model(i, dispersion, jitter), 2))], 1.0 / 8);
    }

    /// <summary>The median of observed / model, weighted when <paramref name="weights"/> are given.</summary>
    public double Median(double dispersion, double jitter, double[]? weights)
    {
        var points = new (double Ratio, double Weight)[observed.Length];
        for (var i = 0; i < observed.Length; i++)
        {
            points[i] = (observed[i] / model(i, dispersion, jitter), weights?[i] ?? 1);
        }

        return WeightedMedian(points);
    }

    /// <summary>
    /// With one run per side, the degrees of freedom of a t whose tails match how many functions lie
    /// beyond three standard deviations, when that is clearly more than a normal allows (at least 2
    /// functions and 5%; a normal puts 0.27% there): one real change is one function, while a JIT
    /// inlining differently from run to run moves a caller and its callee at least. Infinite otherwise.
    /// </summary>
    public double TailDf(double jitter)
    {
        var beyond = observed.Where((o, i) => o / model(i, 1, jitter) > 9).Count();
        var fraction = (double)beyond / observed.Length;
        if (beyond < 2 || fraction <= 0.05)
        {
            return double.PositiveInfinity;
        }

        double low = 0.5, high = 200;
        for (var i = 0; i < 60; i++)
        {
            var mid = Math.Sqrt(low * high);
            if (2 * Distributions.StudentUpperTail(3, mid) > fraction)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Max(1, low);
    }

    /// <summary>limma's d₀: the spread of log(observed / model) beyond what χ²_Df explains (infinite when none).</summary>
    public double PriorDf(double dispersion, double jitter)
    {
        if (df < 2)
        {
            return double.PositiveInfinity;
        }

        var logs = observed.Select((o, i) => (o, i)).Where(t => t.o > 0).Select(t => Math.Log(t.o / model(t.i, dispersion, jitter))).ToArray();
        if (logs.Length < NoiseEstimator.MinFunctions)
        {
            return 4;
        }

        // Only spread beyond one sampling error of the variance estimate itself counts as heterogeneity:
        // with none, homogeneous functions would often look heterogeneous by chance; with two, real .NET
        // captures, where tiering timing makes a few functions far noisier than the rest, were judged
        // homogeneous and those functions raised false alarms (tests/Accuracy/real-results.md).
        var mean = logs.Average();
        var expected = SpecialFunctions.Trigamma(df / 2.0);
        var excess = (logs.Sum(e => (e - mean) * (e - mean)) / (logs.Length - 1)) - (expected * (1 + Math.Sqrt(2.0 / (logs.Length - 1))));
        return excess > 0 ? Math.Max(1, 2 * SpecialFunctions.InverseTrigamma(excess)) : double.PositiveInfinity;
    }

    /// <summary>
    /// The precision of the jitter as variance-estimate degrees of freedom, from the Fisher
    /// information of the functions' variance statistics about jitter² (each is χ²_Df/Df times its
    /// model variance, of which jitter² · factor is the jitter part): ν = ½ · 2 · jitter⁴ · Σ (Df/2) ·
    /// (factor / model)². The leading ½ allows for the median being a less efficient estimator than
    /// maximum likelihood.
    /// </summary>
    public double JitterDf(double dispersion, double jitter)
    {
        var information = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            var m = model(i, dispersion, jitter);
            information += df / 2.0 * (jitterFactor / m) * (jitterFactor / m);
        }

        var tau2 = jitter * jitter;
        return Math.Max(0.5, tau2 * tau2 * information);
    }

    private static double WeightedMedian((double Ratio, double Weight)[] points)
    {
        Array.Sort(points, (a, b) => a.Ratio.CompareTo(b.Ratio));
        var half = points.Sum(p => p.Weight) / 2;
        var cumulative = 0.0;
        foreach (var (ratio, weight) in points)
        {
            cumulative += weight;
            if (cumulative >= half)
            {
                return ratio;
            }
        }

        return points[^1].Ratio;
    }
}
