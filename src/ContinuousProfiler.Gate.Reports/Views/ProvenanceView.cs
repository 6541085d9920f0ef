namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>Where the base came from, pre-formatted.</summary>
public sealed record ProvenanceView
{
    /// <summary>False when there was no baseline at all.</summary>
    public required bool HasBaseline { get; init; }

    /// <summary>Why there is no baseline (escaped), or empty.</summary>
    public required string NoBaselineReason { get; init; }

    /// <summary>The short base commit (7 characters), or empty.</summary>
    public required string BaseCommit { get; init; }

    /// <summary>The short head commit, or empty.</summary>
    public required string HeadCommit { get; init; }

    /// <summary>e.g. <c>the merge-base</c>, <c>2 commits before the merge-base</c>, or empty.</summary>
    public required string Distance { get; init; }

    /// <summary>Where the base was read from (escaped), or empty.</summary>
    public required string Source { get; init; }

    /// <summary><c>match</c>, <c>mismatch</c> or <c>unknown</c>.</summary>
    public required string Environment { get; init; }

    /// <summary>e.g. <c>same environment</c>, <c>different environment</c>, <c>environment not recorded</c>.</summary>
    public required string EnvironmentText { get; init; }

    /// <summary>Each environment difference (escaped).</summary>
    public required IReadOnlyList<string> EnvironmentDifferences { get; init; }
}
