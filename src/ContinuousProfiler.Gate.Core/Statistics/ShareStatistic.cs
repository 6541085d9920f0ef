namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// A function's base/head comparison on the log scale: <see cref="LogRatio"/> is the difference of
/// mean log shares (half a sample of continuity, so absent functions stay finite) and
/// <c>LogRatio / StandardError</c> follows Student's t with <see cref="Df"/> degrees of freedom under
/// "no change" (variance at the pooled share).
/// </summary>
/// <param name="BaseMean">Mean base share (fraction of the normalization base).</param>
/// <param name="HeadMean">Mean head share.</param>
/// <param name="Pooled">The mean share over both sides' runs.</param>
/// <param name="LogRatio">Mean head log share minus mean base log share.</param>
/// <param name="StandardError">Standard error of <see cref="LogRatio"/> at the pooled share.</param>
/// <param name="Df">Degrees of freedom (infinite = normal).</param>
public sealed record ShareStatistic(double BaseMean, double HeadMean, double Pooled, double LogRatio, double StandardError, double Df)
{
    /// <summary>
    /// Exact one-sided p-values of sampling alone when counts are small (see <see cref="ShareTest"/>), or NaN.
    /// The reported p-values are the larger of these and the t-based ones.
    /// </summary>
    public (double Increase, double Decrease) Exact { get; init; } = (double.NaN, double.NaN);

    /// <summary>P(T ≥ x / StandardError) under no change: the chance noise alone pushes the log ratio to <paramref name="x"/> or beyond.</summary>
    public double UpperTail(double x) =>
        StandardError > 0 ? Distributions.StudentUpperTail(x / StandardError, Df) : x > 0 ? 0 : 1;

    /// <summary>One-sided p-value of "no increase".</summary>
    public double PIncrease => double.IsNaN(Exact.Increase) ? UpperTail(LogRatio) : Math.Max(UpperTail(LogRatio), Exact.Increase);

    /// <summary>One-sided p-value of "no decrease".</summary>
    public double PDecrease => double.IsNaN(Exact.Decrease) ? UpperTail(-LogRatio) : Math.Max(UpperTail(-LogRatio), Exact.Decrease);

    /// <summary>Two-sided p-value of "no change".</summary>
    public double PTwoSided => LogRatio == 0 ? 1 : Math.Min(1, 2 * Math.Min(PIncrease, PDecrease));
}
