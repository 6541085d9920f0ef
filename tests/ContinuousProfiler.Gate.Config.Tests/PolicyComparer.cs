using ContinuousProfiler.Gate.Core.Policy;

namespace ContinuousProfiler.Gate.Config.Tests;

/// <summary>Compares policies by value (records compare ImmutableArray fields by reference).</summary>
internal sealed class PolicyComparer : IEqualityComparer<GatePolicy>
{
    public static readonly PolicyComparer Instance = new();

    public bool Equals(GatePolicy? x, GatePolicy? y) =>
        x is not null && y is not null
        && x.Defaults == y.Defaults
        && x.Rules.SequenceEqual(y.Rules)
        && x.Confidence == y.Confidence
        && x.FailConfidence == y.FailConfidence
        && x.Jitter == y.Jitter
        && x.Time == y.Time
        && x.IncludeScenarios.SequenceEqual(y.IncludeScenarios)
        && x.ExcludeScenarios.SequenceEqual(y.ExcludeScenarios)
        && x.Normalize.SequenceEqual(y.Normalize)
        && x.OnEnvironmentMismatch == y.OnEnvironmentMismatch
        && x.Local == y.Local
        && x.Baseline.MaxCommitsBack == y.Baseline.MaxCommitsBack
        && x.Baseline.Branches.SequenceEqual(y.Baseline.Branches);

    public int GetHashCode(GatePolicy obj) => obj.Rules.Length;
}
