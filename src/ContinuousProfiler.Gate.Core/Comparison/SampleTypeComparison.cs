using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Base and head aligned for one sample type of one scenario.</summary>
public sealed record SampleTypeComparison
{
    /// <summary>The column compared (same type and unit on both sides).</summary>
    public required SampleType SampleType { get; init; }

    /// <summary>Every function of either side, in ordinal name order.</summary>
    public required ImmutableArray<FunctionDiff> Functions { get; init; }

    /// <summary>The union call tree (mean shares per side).</summary>
    public required DiffNode Root { get; init; }

    /// <summary>Raw base total per run, in the profile unit.</summary>
    public required ImmutableArray<double> BaseTotals { get; init; }

    /// <summary>Raw head total per run, in the profile unit.</summary>
    public required ImmutableArray<double> HeadTotals { get; init; }

    /// <summary>How shares were normalized, for reports (e.g. "share of total less 2 changed functions").</summary>
    public string Normalization { get; init; } = "share of total";

    /// <summary>Number of base runs.</summary>
    public int BaseRuns => BaseTotals.Length;

    /// <summary>Number of head runs.</summary>
    public int HeadRuns => HeadTotals.Length;
}
