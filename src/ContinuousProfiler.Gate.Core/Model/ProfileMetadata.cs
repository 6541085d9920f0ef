using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// What is known about where a profile came from. Every field is optional.
/// </summary>
public sealed record ProfileMetadata
{
    /// <summary>An empty metadata record.</summary>
    public static readonly ProfileMetadata Empty = new();

    /// <summary>The scenario (test, benchmark or command name) the profile belongs to.</summary>
    public string? Scenario { get; init; }

    /// <summary>The tool or format that produced the profile, e.g. <c>pprof</c>, <c>perf</c>, <c>nettrace</c>.</summary>
    public string? Producer { get; init; }

    /// <summary>Where the profile was read from (a file name), for messages.</summary>
    public string? Source { get; init; }

    /// <summary>Wall-clock length of the profiled period in nanoseconds, or 0 when unknown.</summary>
    public long DurationNanos { get; init; }

    /// <summary>Start time in nanoseconds since the Unix epoch, or 0 when unknown.</summary>
    public long TimeNanos { get; init; }

    /// <summary>What one sampling period measures (pprof's <c>period_type</c>), or <c>null</c>.</summary>
    public SampleType? PeriodType { get; init; }

    /// <summary>The sampling period in <see cref="PeriodType"/> units, or 0 when unknown.</summary>
    public long Period { get; init; }

    /// <summary>Free-form comments carried from the source format.</summary>
    public ImmutableArray<string> Comments { get; init; } = [];

    /// <summary>Importer notes a user should see (e.g. "skipped 3 invalid lines").</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}
