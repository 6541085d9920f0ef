using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>A scenario's unprofiled wall and CPU times per run on both sides (milliseconds).</summary>
public sealed record TimeComparison(ImmutableArray<double> BaseWallMs, ImmutableArray<double> HeadWallMs, ImmutableArray<double> BaseCpuMs, ImmutableArray<double> HeadCpuMs);
