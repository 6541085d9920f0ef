using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Base and head compared: every scenario both sides have, plus where the base came from.</summary>
/// <param name="Scenarios">Scenarios in ordinal name order.</param>
/// <param name="Provenance">Where the base came from.</param>
/// <param name="OnlyInBase">Scenario names present in base only.</param>
/// <param name="OnlyInHead">Scenario names present in head only.</param>
public sealed record ComparisonResult(ImmutableArray<ScenarioComparison> Scenarios, Provenance Provenance, ImmutableArray<string> OnlyInBase, ImmutableArray<string> OnlyInHead);
