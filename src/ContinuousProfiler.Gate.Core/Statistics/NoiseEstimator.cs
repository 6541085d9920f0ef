namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// Estimates a <see cref="NoiseModel"/> from all functions of one comparison at once, so that a
/// handful of runs still gives a well-determined variance.
/// <list type="bullet">
/// <item>With at least two within-side degrees of freedom (e.g. 2 runs on each side, or 3 on one),
/// the jitter is the value at which the weighted median ratio of each function's within-side
/// variance of log shares to its modelled variance equals the median of χ²_d/d; the prior degrees
/// of freedom come from the spread of those log ratios beyond what χ²_d predicts (limma's method
/// of moments), so functions whose own spread disagrees with the model get their own variance.</item>
/// <item>With one run per side, the jitter is the value at which the weighted median squared
/// standardized base/head log ratio equals the median of χ²₁ (most functions are unchanged, and
/// the median ignores the few that are not); own spread is unused. When clearly more functions than
/// a normal allows lie beyond three standard deviations (a JIT inlining differently in each run),
/// tests use a t with matching tails.</item>
/// </list>
/// A plain median gives a pilot; then functions weigh by their information about the jitter at the
/// pilot (1 / model variance², none above an eighth of the total), so the big ones, whose noise is mostly jitter, decide it rather than
/// the many small ones whose noise is mostly sampling. Tests use an upper 90% bound of the estimate
/// (its precision from the functions' Fisher information about the jitter), never below the
/// configured floor (calibrated on A/A simulations).
/// Only functions with at least <see cref="MinCount"/> effective samples per run on both sides take part.
/// When the sampling scale is unknown (values are neither counts nor a known multiple of them),
/// the dispersion is estimated the same way instead, and the jitter stays at the floor.
/// </summary>
public static class NoiseEstimator
{
    /// <summary>The mean effective samples per run a function needs on each side to inform the estimate.</summary>
    public const double MinCount = 10;

    /// <summary>How many informative functions an estimate needs; with fewer the floor applies.</summary>
    public const int MinFunctions = 5;

    /// <summary>How much smaller the misfit must get before sampling variance counts as clumped.</summary>
    public const double ClumpingGain = 0.3;

    // z of the one-sided 75% bound on the median ratio (a 90% one cost 1.6 points of the simulator's power target).
    private const double MedianBoundQuantile = 0.6744897501960817;

    // z of the one-sided 90% bound.
    private const double UpperQuantile = 1.2815515655446004;

    /// <summary>Estimates the model.</summary>
    /// <param name="shares">Per function, its per-run shares, base runs first.</param>
    /// <param name="outliers">Per function, true when it changed so far beyond noise (|z| ≥ 5) that it would only bias a one-run estimate; null for none.</param>
    /// <param name="samples">Per run, effective samples in the normalization base.</param>
    /// <param name="baseRuns">How many of the runs are base runs.</param>
    /// <param name="scaleKnown">True when effective samples are real sample counts.</param>
    /// <param name="minJitter">The jitter floor.</param>
    public static NoiseModel Estimate(IReadOnlyList<double[]> shares, IReadOnlyList<bool>? outliers, double[] samples, int baseRuns, bool scaleKnown, double minJitter)
    {
        var headRuns = samples.Length - baseRuns;
        var withinDf = Math.Max(baseRuns - 1, 0) + Math.Max(headRuns - 1, 0);
        var rows = Informative(shares, samples, baseRuns);
        if (rows.Count < MinFunctions)
        {
            return new NoiseModel(1, minJitter, withinDf >= 2 ? 4 : double.PositiveInfinity, $"jitter floor {Percent(minJitter)} (too few functions with {MinCount:0}+ samples per run to estimate)");
        }

        var problem = withinDf >= 2 ? Within(shares, rows, samples, baseRuns, withinDf) : Across(shares, outliers is null ? rows : [.. rows.Where(f => !outliers[f])], samples, baseRuns);
        var everyone = withinDf >= 2 ? null : Across(shares, rows, samples, baseRuns);
        var target = Distributions.ScaledChiSquareMedian(problem.Df);
        if (!scaleKnown)
        {
            var scale = Math.Max(1, Solve(x => problem.Median(x, minJitter, null), target, 1e12));
            return new NoiseModel(scale, minJitter, problem.PriorDf(scale, minJitter), $"{problem.Label}, sampling scale estimated");
        }

        var (clumping, jitter) = problem.Df >= 2 ? FitClumping(problem, target) : (1, JitterAt(problem, 1, target));
        // The tests use an upper 90% bound of the jitter rather than the estimate: with few functions
        // whose noise is mostly jitter, the estimate is uncertain, and a t with the few degrees of freedom
        // that uncertainty is worth would be far too heavy-tailed for a variance that is mostly known sampling noise.
        var df = problem.JitterDf(clumping, Math.Max(jitter, 1e-6));
        var upper = Math.Sqrt(jitter * jitter * (1 + (UpperQuantile * Math.Sqrt(2 / df))));
        if (problem.Df >= 2)
        {
            // That bound is zero when the estimate is: with few functions and few runs, the median can
            // land at "no jitter" by chance. The jitter at which the weighted median ratio reaches a lower 75%
            // bound of its own sampling distribution (the median of as many χ²_d/d as the weights are worth)
            // bounds it from the data instead.
            var weights = problem.Weights(clumping, jitter);
            var effective = weights.Sum() * weights.Sum() / weights.Sum(w => w * w);
            var spread = 1.2533 * Math.Sqrt(SpecialFunctions.Trigamma(problem.Df / 2.0) / effective);
            upper = Math.Max(upper, Solve(x => problem.Median(clumping, x, weights), target * Math.Exp(-MedianBoundQuantile * spread), 3));
        }

        var used = Math.Max(upper, minJitter);
        // The clumping factor is bounded the same way, as a variance estimated from every function's own spread.
        var dispersion = clumping > 1 ? clumping * (1 + (UpperQuantile * Math.Sqrt(2 / (problem.Count * problem.Df / 2.0)))) : 1;
        var priorDf = Math.Min(problem.PriorDf(dispersion, used), everyone?.TailDf(used) ?? double.PositiveInfinity);
        var label = double.IsPositiveInfinity(priorDf) || everyone is null ? problem.Label : $"{problem.Label}, heavy tails (t with {priorDf:0.#} df)";
        if (clumping > 1)
        {
            label += $"; samples clump: sampling variance {clumping.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)}× binomial, upper 90% bound used";
        }

        label += upper <= minJitter
            ? $"; jitter at the {Percent(minJitter)} floor"
            : $"; jitter estimate {Percent(jitter)}, upper bound {Percent(upper)} used";
        return new NoiseModel(dispersion, used, priorDf, label);
    }

    /// <summary>The jitter at which the information-weighted median of observed / model variance hits its χ² target, at a given dispersion.</summary>
    private static double JitterAt(NoiseProblem problem, double dispersion, double target)
    {
        // A pilot from the plain median fixes the weights; the weighted median then refines it.
        var pilot = Solve(x => problem.Median(dispersion, x, null), target, 3);
        var weights = problem.Weights(dispersion, pilot);
        return Solve(x => problem.Median(dispersion, x, weights), target, 3);
    }

    /// <summary>
    /// Real CPU samples clump: a sampler that fires every millisecond on a loaded machine takes runs of
    /// samples in one function, so small functions vary far more than their sample counts say, while big
    /// ones vary little beyond them — variance that falls with the share, as extra sampling variance does,
    /// not the constant relative jitter the simulator's model assumes. With each function's own spread
    /// (two or more within-side degrees of freedom) both can be told apart: for each dispersion on a grid
    /// the jitter is solved as usual, and the pair that leaves the smallest median absolute log misfit
    /// across functions is kept; with no clear gain (under <see cref="ClumpingGain"/>) the binomial stays.
    /// </summary>
    private static (double Dispersion, double Jitter) FitClumping(NoiseProblem problem, double target)
    {
        var best = (Dispersion: 1.0, Jitter: JitterAt(problem, 1, target));
        var plain = problem.Misfit(1, best.Jitter, target);
        var bestMisfit = plain;
        for (var dispersion = 1.25; dispersion <= 64; dispersion *= 1.25)
        {
            var jitter = JitterAt(problem, dispersion, target);
            var misfit = problem.Misfit(dispersion, jitter, target);
            if (misfit < bestMisfit)
            {
                best = (dispersion, jitter);
                bestMisfit = misfit;
            }
        }

        return bestMisfit < plain * (1 - ClumpingGain) ? best : (1, best.Dispersion == 1 ? best.Jitter : JitterAt(problem, 1, target));
    }

    private static NoiseProblem Within(IReadOnlyList<double[]> shares, List<int> rows, double[] samples, int baseRuns, int df)
    {
        var observed = new double[rows.Count];
        var shareOf = new (double Base, double Head)[rows.Count];
        var logs = new double[samples.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = shares[rows[i]];
            shareOf[i] = (ShareTest.Mean(row.AsSpan(0, baseRuns)), ShareTest.Mean(row.AsSpan(baseRuns)));
            ShareTest.Logs(row, samples, logs);
            var lb = ShareTest.Mean(logs.AsSpan(0, baseRuns));
            var lh = ShareTest.Mean(logs.AsSpan(baseRuns));
            var sum = 0.0;
            for (var r = 0; r < logs.Length; r++)
            {
                var m = r < baseRuns ? lb : lh;
                sum += (logs[r] - m) * (logs[r] - m);
            }

            observed[i] = sum / df;
        }

        double Model(int i, double dispersion, double jitter)
        {
            var noise = new NoiseModel(dispersion, jitter, double.PositiveInfinity, "");
            var total = 0.0;
            for (var r = 0; r < samples.Length; r++)
            {
                total += noise.LogVariance(r < baseRuns ? shareOf[i].Base : shareOf[i].Head, samples[r]);
            }

            return total / samples.Length;
        }

        return new NoiseProblem(observed, Model, df, 1, $"within-side spread of {rows.Count} functions");
    }

    private static NoiseProblem Across(IReadOnlyList<double[]> shares, List<int> rows, double[] samples, int baseRuns)
    {
        // Only gross outliers are left out (by the caller): dropping every function judged changed
        // would drop the most deviant ones and bias the jitter low; the median ignores the rest.
        var headRuns = samples.Length - baseRuns;
        var logs = new double[samples.Length];
        var squares = new double[rows.Count];
        var pooled = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = shares[rows[i]];
            ShareTest.Logs(row, samples, logs);
            var difference = ShareTest.Mean(logs.AsSpan(baseRuns)) - ShareTest.Mean(logs.AsSpan(0, baseRuns));
            squares[i] = difference * difference;
            pooled[i] = row.Average();
        }

        double Model(int i, double dispersion, double jitter)
        {
            var noise = new NoiseModel(dispersion, jitter, double.PositiveInfinity, "");
            double vb = 0, vh = 0;
            for (var r = 0; r < samples.Length; r++)
            {
                var v = noise.LogVariance(pooled[i], samples[r]);
                if (r < baseRuns)
                {
                    vb += v;
                }
                else
                {
                    vh += v;
                }
            }

            return (vb / baseRuns / baseRuns) + (vh / headRuns / headRuns);
        }

        // The jitter part of a base/head log ratio's variance is jitter² · (1/n_b + 1/n_h).
        return new NoiseProblem(squares, Model, 1, (1.0 / baseRuns) + (1.0 / headRuns), $"base/head spread of {rows.Count} functions");
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
    private static double Solve(Func<double, double> decreasing, double target, double max)
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

    private static string Percent(double value) => (value * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
