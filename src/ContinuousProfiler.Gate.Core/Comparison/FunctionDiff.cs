namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>One row of the per-function table: both sides kept; the change is derived.</summary>
/// <param name="Function">The normalized function name.</param>
/// <param name="Base">Values in the base runs.</param>
/// <param name="Head">Values in the head runs.</param>
public sealed record FunctionDiff(string Function, SideValues Base, SideValues Head)
{
    /// <summary>True when the function changed significantly, so it did not inform the normalization (see <see cref="SampleTypeComparison.Excluded"/>).</summary>
    public bool Excluded { get; init; }

    /// <summary>Present in head only.</summary>
    public bool IsNew => Base.IsAbsent && !Head.IsAbsent;

    /// <summary>Present in base only.</summary>
    public bool IsGone => !Base.IsAbsent && Head.IsAbsent;

    /// <summary>Head mean share minus base mean share, in share points (fraction × 100) of one measure.</summary>
    public double Delta(Policy.Measure measure) => (Head.MeanOf(measure) - Base.MeanOf(measure)) * 100;

    /// <summary>Relative change of the mean share of one measure, or null when base is zero.</summary>
    public double? Change(Policy.Measure measure)
    {
        var b = Base.MeanOf(measure);
        return b == 0 ? null : (Head.MeanOf(measure) - b) / b;
    }
}
