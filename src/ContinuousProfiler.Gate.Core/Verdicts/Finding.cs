using ContinuousProfiler.Gate.Core.Policy;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// One finding of the gate, with the rule that produced it and the effect with its interval.
/// Shares are fractions (0–1); <see cref="Delta"/> is in share points; <see cref="Change"/> is relative.
/// </summary>
public sealed record Finding
{
    /// <summary>The scenario the finding belongs to.</summary>
    public required string Scenario { get; init; }

    /// <summary>The normalized function name, or <c>(scenario wall time)</c>/<c>(scenario cpu time)</c> for time findings, or empty for notices.</summary>
    public required string Function { get; init; }

    /// <summary>What happened.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>How much it matters.</summary>
    public required FindingLevel Level { get; init; }

    /// <summary>The sample type's name (e.g. <c>cpu</c>), or <c>time</c> for scenario time.</summary>
    public required string SampleType { get; init; }

    /// <summary>The sample type's unit.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Self or total.</summary>
    public Measure Measure { get; init; } = Measure.Self;

    /// <summary>Base mean share (or base median milliseconds for time findings).</summary>
    public double Base { get; init; }

    /// <summary>Head mean share (or head median milliseconds for time findings).</summary>
    public double Head { get; init; }

    /// <summary>Relative change (0.12 = +12%), or null when base is zero.</summary>
    public double? Change { get; init; }

    /// <summary>Absolute change in share points (or milliseconds for time findings).</summary>
    public double Delta { get; init; }

    /// <summary>Confidence interval of <see cref="Change"/> when it is not null, else of <see cref="Delta"/>.</summary>
    public Interval Interval { get; init; } = Interval.Empty;

    /// <summary>The p-value after correction for testing many functions, when a test ran.</summary>
    public double? PValue { get; init; }

    /// <summary>The fail threshold that applied (relative), for reports.</summary>
    public double? Threshold { get; init; }

    /// <summary>The rule that applied (<c>defaults</c> or the rule's name).</summary>
    public string Rule { get; init; } = "defaults";

    /// <summary>A sentence for notices (e.g. "needs about 40,000 samples per run; has 3,900").</summary>
    public string? Message { get; init; }

    /// <summary>True when a deliberate regression was accepted (label or commit trailer); then the level is not fail.</summary>
    public bool Accepted { get; init; }
}

/// <summary>A confidence interval; <see cref="Empty"/> when none was computed.</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public sealed record Interval(double Low, double High)
{
    /// <summary>No interval.</summary>
    public static readonly Interval Empty = new(double.NaN, double.NaN);

    /// <summary>True when no interval was computed.</summary>
    public bool IsEmpty => double.IsNaN(Low) || double.IsNaN(High);
}
