using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Base and head aligned for one sample type of one scenario.</summary>
public sealed record SampleTypeComparison
{
    private Lazy<DiffNode> _root = new(() => new DiffNode("root", null));

    /// <summary>The column compared (same type and unit on both sides).</summary>
    public required SampleType SampleType { get; init; }

    /// <summary>Every function of either side, in ordinal name order.</summary>
    public required ImmutableArray<FunctionDiff> Functions { get; init; }

    /// <summary>The union call tree (mean shares per side, same normalization as <see cref="Functions"/>), built on first use.</summary>
    public DiffNode Root
    {
        get => _root.Value;
        init => _root = new Lazy<DiffNode>(value);
    }

    /// <summary>Builds <see cref="Root"/> on first use instead (large profiles make large trees that text and JSON output never need).</summary>
    public Func<DiffNode> RootFactory
    {
        init => _root = new Lazy<DiffNode>(value);
    }

    /// <summary>Raw base total per run, in the profile unit.</summary>
    public required ImmutableArray<double> BaseTotals { get; init; }

    /// <summary>Raw head total per run, in the profile unit.</summary>
    public required ImmutableArray<double> HeadTotals { get; init; }

    /// <summary>
    /// Effective samples per base run behind a share of 1: how many sampling events the shares rest
    /// on (the statistics' sample size). Equal to the run totals for count columns.
    /// </summary>
    public ImmutableArray<double> BaseSamples { get; init; } = [];

    /// <summary>Effective samples per head run behind a share of 1 (the run's samples × <see cref="HeadFactor"/>).</summary>
    public ImmutableArray<double> HeadSamples { get; init; } = [];

    /// <summary>
    /// Base shares are plain shares of each base run's total; head shares are head values ÷ (head run
    /// total × this factor), where the factor is how much the functions that did not change moved
    /// (see <see cref="Normalization"/>). So head reads in base units: the head root total is the
    /// head's cost relative to base (0.75 = a quarter cheaper, if the unchanged functions cost the same).
    /// </summary>
    public double HeadFactor { get; init; } = 1;

    /// <summary>The functions that changed significantly and so did not inform <see cref="HeadFactor"/>.</summary>
    public ImmutableArray<string> Excluded { get; init; } = [];

    /// <summary>The noise model of self shares (also what normalization used).</summary>
    public NoiseModel Noise { get; init; } = NoiseModel.Sampling(0.01);

    /// <summary>
    /// The noise model of total shares, estimated separately: where a JIT inlines differently from run
    /// to run, self time jumps between caller and callee while totals stay put.
    /// </summary>
    public NoiseModel TotalNoise { get; init; } = NoiseModel.Sampling(0.01);

    /// <summary>The noise model of <paramref name="measure"/>.</summary>
    public NoiseModel NoiseOf(Policy.Measure measure) => measure == Policy.Measure.Total ? TotalNoise : Noise;

    /// <summary>How shares were normalized, for reports.</summary>
    public string Normalization { get; init; } = "share of total";

    /// <summary>Number of base runs.</summary>
    public int BaseRuns => BaseTotals.Length;

    /// <summary>Number of head runs.</summary>
    public int HeadRuns => HeadTotals.Length;
}
