namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// The settings that apply to one function under one sample type after the rules and the
/// defaults were merged: every field is set. Thresholds are relative changes (0.10 = +10%),
/// <see cref="Floor"/> is in share points (0.25 = a quarter of a percent of the scenario total).
/// </summary>
/// <param name="Name">How findings cite the rule: <c>defaults</c>, <c>time</c>, or the rule's name.</param>
/// <param name="SampleType">The sample type judged, or null when every judged type is meant.</param>
/// <param name="Measure">Self or total.</param>
/// <param name="Warn">Relative change at or above which a significant change is a warning.</param>
/// <param name="Fail">Relative change at or above which a significant change fails the gate.</param>
/// <param name="Floor">Absolute change in share points a finding must also exceed.</param>
/// <param name="Ignore">True when the function is not judged at all under this sample type.</param>
public sealed record ResolvedRule(
    string Name,
    string? SampleType,
    Measure Measure,
    double Warn,
    double Fail,
    double Floor,
    bool Ignore);
