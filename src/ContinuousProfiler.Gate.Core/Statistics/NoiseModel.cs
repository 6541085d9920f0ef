namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// How noisy one function's per-run share is, estimated once per compared sample type from all
/// functions together. On the log scale, the variance of a run's log share at share <c>p</c> with
/// <c>B</c> effective samples in the normalization base is modelled as
/// <c>Dispersion · (1 − p) / (p·B + ½) + Jitter²</c>: sampling noise (binomial, times a dispersion
/// factor, with half a sample of continuity) plus run-to-run jitter, which is multiplicative
/// (lognormal), hence constant on the log scale. With several runs per side, each function's own
/// spread is blended in with weight <c>(runs − 1) / (PriorDf + runs − 1)</c> (a moderated variance,
/// as limma does).
/// </summary>
/// <param name="Dispersion">Multiplier of binomial sampling variance (1 = pure sampling noise).</param>
/// <param name="Jitter">Run-to-run coefficient of variation of a share beyond sampling noise.</param>
/// <param name="PriorDf">Degrees of freedom the model variance is worth against a function's own spread (limma's d₀); infinite when functions agree with the model.</param>
/// <param name="Method">How the parameters were estimated, for reports.</param>
/// <param name="JitterDf">
/// How precisely the jitter is known, as the degrees of freedom of a variance estimate; infinite
/// when it sits at the configured floor. A function's test takes
/// <c>JitterDf · (its model variance / its jitter part)²</c> degrees of freedom from the model
/// (Satterthwaite), so a test that leans on an uncertain jitter uses a heavier-tailed t.
/// </param>
public sealed record NoiseModel(double Dispersion, double Jitter, double PriorDf, string Method, double JitterDf = double.PositiveInfinity)
{
    /// <summary>Pure sampling noise with a jitter floor and no per-function spread.</summary>
    public static NoiseModel Sampling(double jitter) => new(1, jitter, double.PositiveInfinity, "assumed");

    /// <summary>The degrees of freedom a model variance <paramref name="variance"/> with jitter part <paramref name="jitterPart"/> is worth.</summary>
    public double ModelDf(double variance, double jitterPart) =>
        double.IsPositiveInfinity(JitterDf) || jitterPart <= 0 ? PriorDf
            : Math.Min(PriorDf, Math.Min(1e9, JitterDf * (variance / jitterPart) * (variance / jitterPart)));

    /// <summary>The modelled variance of one run's log share at share <paramref name="p"/> with <paramref name="samples"/> effective samples.</summary>
    /// <param name="p">The share.</param>
    /// <param name="samples">Effective samples behind a share of 1 in the run.</param>
    public double LogVariance(double p, double samples) =>
        (Dispersion * Math.Max(1 - p, 0) / ((p * samples) + 0.5)) + (Jitter * Jitter);

    /// <summary>The modelled variance of one run's share itself (linear scale), for intervals on share points.</summary>
    public double Variance(double p, double samples) =>
        (samples > 0 ? Dispersion * p * Math.Max(1 - p, 0) / samples : 0) + (Jitter * Jitter * p * p);

    /// <summary>Blends the modelled per-run variance with a function's own sample variance over <paramref name="runs"/> runs.</summary>
    public double Moderate(double model, double observed, int runs)
    {
        if (runs < 2 || double.IsNaN(observed) || double.IsPositiveInfinity(PriorDf))
        {
            return model;
        }

        return ((PriorDf * model) + ((runs - 1) * observed)) / (PriorDf + runs - 1);
    }
}
