namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>A change that beat its threshold and floor, waiting for the multiple-comparison correction.</summary>
/// <param name="Draft">The finding it becomes if significant (level already decided by the fail threshold).</param>
/// <param name="PValue">The uncorrected two-sided p-value.</param>
internal sealed record Candidate(Finding Draft, double PValue);
