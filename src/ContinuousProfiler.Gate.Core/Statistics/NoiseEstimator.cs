namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Estimates a <see cref="NoiseModel"/> from all functions of one comparison at once, so that a
/// handful of runs still gives a well-determined variance.
/// <list type="bullet">
/// <item>With at least two within-side degrees of freedom (e.g. 2 runs on each side, or 3 on one),
/// the jitter is the value at which the median ratio of each function's within-side variance to
/// its modelled variance equals the median of χ²_d/d; the prior degrees of freedom come from the
/// spread of those log ratios beyond what χ²_d predicts (limma's method of moments), so
/// functions whose own spread disagrees with the model get their own variance.</item>
/// <item>With one run per side, the jitter is the value at which the median squared standardized
/// base/head difference of the functions not judged changed equals the median of χ²₁ (most
/// functions are unchanged, and the median ignores the few that are not); own spread is unused.</item>
/// </list>
/// The jitter never goes below the configured floor (calibrated on A/A simulations). Only
/// functions with at least <see cref="MinCount"/> effective samples per run on both sides take part.
/// When the sampling scale is unknown (values are neither counts nor a known multiple of them),
/// the dispersion is estimated the same way instead, and the jitter stays at the floor.
/// </summary>
public static class NoiseEstimator
{
    /// <summary>The mean effective samples per run a function needs on each side to inform the estimate.</summary>
    public const double MinCount = 10;

    /// <summary>How many informative functions an estimate needs; with fewer the floor applies.</summary>
    public const int MinFunctions = 5;

    private const double ChiSquare1Median = 0.45493642311957283;

    /// <summary>Estimates the model.</summary>
    /// <param name="shares">Per function, its per-run shares, base runs first.</param>
    /// <param name="excluded">Per function, whether it is left out of the normalization base.</param>
    /// <param name="samples">Per run, effective samples in the normalization base.</param>
    /// <param name="baseRuns">How many of the runs are base runs.</param>
    /// <param name="scaleKnown">True when effective samples are real sample counts.</param>
    /// <param name="minJitter">The jitter floor.</param>
    public static NoiseModel Estimate(IReadOnlyList<double[]> shares, IReadOnlyList<bool> excluded, double[] samples, int baseRuns, bool scaleKnown, double minJitter)
    {
        var runs = samples.Length;
        var headRuns = runs - baseRuns;
        var withinDf = Math.Max(baseRuns - 1, 0) + Math.Max(headRuns - 1, 0);
        var rows = Informative(shares, samples, baseRuns);
        if (rows.Count < MinFunctions)
        {
            return new NoiseModel(1, minJitter, withinDf >= 2 ? 4 : double.PositiveInfinity, $"jitter floor {Percent(minJitter)} (too few functions with {MinCount:0}+ samples per run to estimate)");
        }

        return withinDf >= 2
            ? Within(shares, rows, samples, baseRuns, withinDf, scaleKnown, minJitter)
            : Across(shares, excluded, rows, samples, baseRuns, scaleKnown, minJitter);
    }

    private static NoiseModel Within(IReadOnlyList<double[]> shares, List<int> rows, double[] samples, int baseRuns, int df, bool scaleKnown, double minJitter)
    {
        var observed = new double[rows.Count];
        var means = new (double Base, double Head)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = shares[rows[i]];
            var mb = ShareTest.Mean(row.AsSpan(0, baseRuns));
            var mh = ShareTest.Mean(row.AsSpan(baseRuns));
            means[i] = (mb, mh);
            var sum = 0.0;
            for (var r = 0; r < row.Length; r++)
            {
                var m = r < baseRuns ? mb : mh;
                sum += (row[r] - m) * (row[r] - m);
            }

            observed[i] = sum / df;
        }

        var target = Distributions.ScaledChiSquareMedian(df);
        double Model(int i, double dispersion, double jitter)
        {
            var noise = new NoiseModel(dispersion, jitter, double.PositiveInfinity, "");
            var total = 0.0;
            for (var r = 0; r < samples.Length; r++)
            {
                total += noise.Variance(r < baseRuns ? means[i].Base : means[i].Head, samples[r], false);
            }

            return total / samples.Length;
        }

        double dispersion = 1, jitter;
        string method;
        if (scaleKnown)
        {
            jitter = Math.Max(minJitter, SolveMedian(x => Median(observed.Select((o, i) => o / Model(i, 1, x)).ToArray()), target, 3));
            method = $"within-side spread of {rows.Count} functions";
        }
        else
        {
            jitter = minJitter;
            dispersion = Math.Max(1, SolveMedian(x => Median(observed.Select((o, i) => o / Model(i, x, jitter)).ToArray()), target, 1e12));
            method = $"within-side spread of {rows.Count} functions, sampling scale estimated";
        }

        var logs = observed.Select((o, i) => (o, i)).Where(t => t.o > 0).Select(t => Math.Log(t.o / Model(t.i, dispersion, jitter))).ToArray();
        var priorDf = double.PositiveInfinity;
        if (logs.Length >= MinFunctions)
        {
            var mean = logs.Average();
            var excess = (logs.Sum(e => (e - mean) * (e - mean)) / (logs.Length - 1)) - SpecialFunctions.Trigamma(df / 2.0);
            priorDf = excess > 0 ? Math.Max(1, 2 * SpecialFunctions.InverseTrigamma(excess)) : double.PositiveInfinity;
        }

        return new NoiseModel(dispersion, jitter, priorDf, method);
    }

    private static NoiseModel Across(IReadOnlyList<double[]> shares, IReadOnlyList<bool> excluded, List<int> rows, double[] samples, int baseRuns, bool scaleKnown, double minJitter)
    {
        var usable = rows.Where(f => !excluded[f]).ToList();
        if (usable.Count < MinFunctions)
        {
            return new NoiseModel(1, minJitter, double.PositiveInfinity, $"jitter floor {Percent(minJitter)} (too few unchanged functions to estimate)");
        }

        var headRuns = samples.Length - baseRuns;
        double Statistic(int f, double dispersion, double jitter)
        {
            var row = shares[f];
            var mb = ShareTest.Mean(row.AsSpan(0, baseRuns));
            var mh = ShareTest.Mean(row.AsSpan(baseRuns));
            var pooled = ((mb * baseRuns) + (mh * headRuns)) / samples.Length;
            var noise = new NoiseModel(dispersion, jitter, double.PositiveInfinity, "");
            double vb = 0, vh = 0;
            for (var r = 0; r < samples.Length; r++)
            {
                if (r < baseRuns)
                {
                    vb += noise.Variance(pooled, samples[r], false);
                }
                else
                {
                    vh += noise.Variance(pooled, samples[r], false);
                }
            }

            var variance = (vb / baseRuns / baseRuns) + (vh / headRuns / headRuns);
            return (mh - mb) * (mh - mb) / variance;
        }

        if (!scaleKnown)
        {
            var dispersion = Math.Max(1, SolveMedian(x => Median(usable.Select(f => Statistic(f, x, minJitter)).ToArray()), ChiSquare1Median, 1e12));
            return new NoiseModel(dispersion, minJitter, double.PositiveInfinity, $"base/head spread of {usable.Count} functions, sampling scale estimated");
        }

        var jitter = SolveMedian(x => Median(usable.Select(f => Statistic(f, 1, x)).ToArray()), ChiSquare1Median, 3);
        return new NoiseModel(1, Math.Max(minJitter, jitter), double.PositiveInfinity, $"base/head spread of {usable.Count} functions");
    }

    private static List<int> Informative(IReadOnlyList<double[]> shares, double[] samples, int baseRuns)
    {
        var rows = new List<int>();
        for (var f = 0; f < shares.Count; f++)
        {
            double cb = 0, ch = 0;
            var row = shares[f];
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

            if (cb / baseRuns >= MinCount && ch / (row.Length - baseRuns) >= MinCount)
            {
                rows.Add(f);
            }
        }

        return rows;
    }

    /// <summary>Finds x in [0, max] where a decreasing function crosses <paramref name="target"/> (0 when it starts below).</summary>
    private static double SolveMedian(Func<double, double> decreasing, double target, double max)
    {
        if (decreasing(0) <= target)
        {
            return 0;
        }

        if (decreasing(max) > target)
        {
            return max;
        }

        double low = 0, high = max;
        for (var i = 0; i < 60; i++)
        {
            var mid = max > 100 ? Math.Sqrt(Math.Max(low, 1e-12) * high) : (low + high) / 2;
            if (decreasing(mid) > target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static string Percent(double value) => (value * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
