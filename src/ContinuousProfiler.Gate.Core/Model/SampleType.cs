namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// What one value column of a profile measures, e.g. <c>cpu/nanoseconds</c>, <c>samples/count</c>,
/// <c>alloc_space/bytes</c>. Units travel with the data so incompatible profiles are never merged.
/// </summary>
/// <param name="Type">The measure's name (pprof's <c>ValueType.type</c>).</param>
/// <param name="Unit">The unit of every value in this column (pprof's <c>ValueType.unit</c>).</param>
public sealed record SampleType(string Type, string Unit)
{
    /// <summary>Formats as <c>type/unit</c>.</summary>
    public override string ToString() => $"{Type}/{Unit}";
}
