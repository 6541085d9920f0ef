using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>How <see cref="Comparer"/> aligns base and head.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The defaults: frame names as-is, every common sample type.</summary>
    public static readonly ComparisonOptions Default = new();

    /// <summary>Maps a frame to its function key (the frame normalizer); null = the frame name.</summary>
    public Func<Frame, string>? NameOf { get; init; }

    /// <summary>The one sample type to compare (name, <c>type/unit</c> or index); null = every common type.</summary>
    public string? SampleType { get; init; }

    /// <summary>The floor of the run-to-run jitter the noise model assumes (see <see cref="Statistics.NoiseModel"/>).</summary>
    public double MinJitter { get; init; } = Policy.GatePolicy.Default.Jitter;

    /// <summary>Two-sided significance at which a function counts as changed and leaves the normalization base.</summary>
    public double NormalizationAlpha { get; init; } = 0.001;
}
