namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// What a rule sets; <c>null</c> means "inherit from the defaults". Thresholds are relative
/// changes (0.10 = +10%); the floor is in share points of the scenario total (0.5 = half a percent).
/// </summary>
public sealed record RuleSettings
{
    /// <summary>The sample type the rule judges (type name, e.g. <c>cpu</c> or <c>alloc_space</c>), or null for every type.</summary>
    public string? SampleType { get; init; }

    /// <summary>Self or total.</summary>
    public Measure? Measure { get; init; }

    /// <summary>Relative change at or above which a significant change is a warning.</summary>
    public double? Warn { get; init; }

    /// <summary>Relative change at or above which a significant change fails the gate.</summary>
    public double? Fail { get; init; }

    /// <summary>Absolute change in share points a finding must also exceed.</summary>
    public double? Floor { get; init; }

    /// <summary>True to ignore matching functions entirely.</summary>
    public bool? Ignore { get; init; }

    /// <summary>Fills every unset field from <paramref name="fallback"/>.</summary>
    public RuleSettings Over(RuleSettings fallback) => new()
    {
        SampleType = SampleType ?? fallback.SampleType,
        Measure = Measure ?? fallback.Measure,
        Warn = Warn ?? fallback.Warn,
        Fail = Fail ?? fallback.Fail,
        Floor = Floor ?? fallback.Floor,
        Ignore = Ignore ?? fallback.Ignore,
    };
}
