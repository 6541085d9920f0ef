using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Where the base side came from, for reports ("baseline: abc1234, 2 commits back, same environment").</summary>
public sealed record Provenance
{
    /// <summary>The base commit SHA, or null when the base was a plain file.</summary>
    public string? BaseCommit { get; init; }

    /// <summary>The head commit SHA, when known.</summary>
    public string? HeadCommit { get; init; }

    /// <summary>How many first-parent commits back from the merge-base the baseline is (0 = the merge-base itself).</summary>
    public int? CommitsBack { get; init; }

    /// <summary>Where the base came from: a file path, <c>local store</c>, <c>artifact profgate-…</c>, <c>rebuilt (ab)</c>.</summary>
    public string? Source { get; init; }

    /// <summary>Environment differences between base and head; empty when they match or are unknown.</summary>
    public ImmutableArray<string> EnvironmentDifferences { get; init; } = [];

    /// <summary>True when both fingerprints were known and equal; null when either is unknown.</summary>
    public bool? EnvironmentMatches { get; init; }

    /// <summary>Set when there is no baseline at all: why (then the comparison is empty and the gate passes).</summary>
    public string? NoBaselineReason { get; init; }
}
