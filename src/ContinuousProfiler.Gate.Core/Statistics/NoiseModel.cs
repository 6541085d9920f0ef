namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// How noisy one function's per-run share is, estimated once per compared sample type from all
/// functions together. The variance of a share <c>p</c> in a run whose normalization base holds
/// <c>B</c> effective samples is modelled as <c>Dispersion · p(1 − p) / B + Jitter² · p²</c>:
/// sampling noise (binomial, times a dispersion factor) plus run-to-run jitter (a coefficient of
/// variation). With several runs per side, each function's own spread is blended in with weight
/// <c>(runs − 1) / (PriorDf + runs − 1)</c> (a moderated variance, as limma does).
/// </summary>
/// <param name="Dispersion">Multiplier of binomial sampling variance (1 = pure sampling noise).</param>
/// <param name="Jitter">Run-to-run coefficient of variation of a share beyond sampling noise.</param>
/// <param name="PriorDf">Degrees of freedom the model variance is worth; infinite when each function's own spread is not used.</param>
/// <param name="Method">How the parameters were estimated, for reports.</param>
public sealed record NoiseModel(double Dispersion, double Jitter, double PriorDf, string Method)
{
    /// <summary>Pure sampling noise with a jitter floor and no per-function spread.</summary>
    public static NoiseModel Sampling(double jitter) => new(1, jitter, double.PositiveInfinity, "assumed");

    /// <summary>The modelled variance of one run's share <paramref name="p"/> with <paramref name="samples"/> effective samples.</summary>
    /// <param name="p">The share (fraction of the normalization base).</param>
    /// <param name="samples">Effective samples in the run's normalization base.</param>
    /// <param name="excluded">True when the function is itself left out of the base (then its share may exceed 1).</param>
    public double Variance(double p, double samples, bool excluded)
    {
        var binomial = excluded ? 1 + p : Math.Max(1 - p, 0);
        var sampling = samples > 0 ? Dispersion * p * binomial / samples : 0;
        return sampling + (Jitter * Jitter * p * p);
    }

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
