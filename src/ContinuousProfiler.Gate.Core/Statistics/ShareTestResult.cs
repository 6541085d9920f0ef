namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// The outcome of comparing one function's per-run shares between base and head.
/// Shares are fractions of the normalization base; intervals are two-sided at the requested confidence.
/// </summary>
/// <param name="BaseMean">Mean base share.</param>
/// <param name="HeadMean">Mean head share.</param>
/// <param name="PValue">Two-sided p-value of "no change" (before any multiple-comparison correction).</param>
/// <param name="Df">Degrees of freedom of the t statistic (infinite = normal).</param>
/// <param name="DifferenceLow">Lower bound of head − base.</param>
/// <param name="DifferenceHigh">Upper bound of head − base.</param>
/// <param name="RatioLow">Lower bound of head / base, NaN when base is zero.</param>
/// <param name="RatioHigh">Upper bound of head / base, NaN when base is zero.</param>
public sealed record ShareTestResult(
    double BaseMean,
    double HeadMean,
    double PValue,
    double Df,
    double DifferenceLow,
    double DifferenceHigh,
    double RatioLow,
    double RatioHigh)
{
    /// <summary>Head mean minus base mean.</summary>
    public double Difference => HeadMean - BaseMean;

    /// <summary>Head mean over base mean, or null when base is zero.</summary>
    public double? Ratio => BaseMean > 0 ? HeadMean / BaseMean : null;
}
