using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Sets;

/// <summary>One scenario of a ProfileSet: its profiled runs and its unprofiled timing runs.</summary>
/// <param name="Name">The scenario name (a test, a benchmark, or the capture's name).</param>
/// <param name="Runs">One entry per profiled run, each pointing at a profile file of the set.</param>
/// <param name="Timings">Unprofiled timing runs (wall and CPU time), possibly empty.</param>
/// <param name="UnresolvedShare">The share (0–1) of samples whose leaf frame stayed unresolved.</param>
public sealed record ScenarioEntry(string Name, ImmutableArray<RunEntry> Runs, ImmutableArray<TimingRun> Timings, double UnresolvedShare = 0);

/// <summary>One profiled run.</summary>
/// <param name="File">The profile file, relative to the set folder (a <c>.pb.gz</c> pprof file).</param>
/// <param name="Samples">How many samples the run's default sample type holds.</param>
/// <param name="WallMs">Wall time of the profiled run in milliseconds (0 when unknown).</param>
/// <param name="CpuMs">CPU time (user + system) of the profiled run in milliseconds (0 when unknown).</param>
public sealed record RunEntry(string File, long Samples, double WallMs = 0, double CpuMs = 0);

/// <summary>One unprofiled run's time, the basis for gating scenario time.</summary>
/// <param name="WallMs">Wall time in milliseconds.</param>
/// <param name="CpuMs">CPU time (user + system) in milliseconds.</param>
public sealed record TimingRun(double WallMs, double CpuMs);
