using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>One scenario compared: every common sample type, and time when both sides have timing runs.</summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="SampleTypes">One comparison per sample type both sides share.</param>
/// <param name="Time">Unprofiled timings, or null when either side has none.</param>
public sealed record ScenarioComparison(string Scenario, ImmutableArray<SampleTypeComparison> SampleTypes, TimeComparison? Time);
