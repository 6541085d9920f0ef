using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// One function's normalized values on one side of a comparison, one entry per run. Shares are
/// fractions (0–1) of the run's normalization base (see <see cref="SampleTypeComparison.Normalization"/>),
/// never raw counts from different runs.
/// </summary>
/// <param name="Self">Per-run self share.</param>
/// <param name="Total">Per-run total share.</param>
/// <param name="RawSelf">Self summed over runs, in the profile's own unit.</param>
/// <param name="RawTotal">Total summed over runs, in the profile's own unit.</param>
public sealed record SideValues(ImmutableArray<double> Self, ImmutableArray<double> Total, double RawSelf, double RawTotal)
{
    /// <summary>A function absent on this side with <paramref name="runs"/> runs.</summary>
    public static SideValues Absent(int runs) => new([.. new double[runs]], [.. new double[runs]], 0, 0);

    /// <summary>Mean self share over runs.</summary>
    public double MeanSelf => Self.IsDefaultOrEmpty ? 0 : Self.Average();

    /// <summary>Mean total share over runs.</summary>
    public double MeanTotal => Total.IsDefaultOrEmpty ? 0 : Total.Average();

    /// <summary>The per-run shares of one measure.</summary>
    public ImmutableArray<double> Of(Policy.Measure measure) => measure == Policy.Measure.Self ? Self : Total;

    /// <summary>The mean share of one measure.</summary>
    public double MeanOf(Policy.Measure measure) => measure == Policy.Measure.Self ? MeanSelf : MeanTotal;

    /// <summary>True when the function never appears on this side.</summary>
    public bool IsAbsent => RawTotal == 0 && RawSelf == 0;
}
