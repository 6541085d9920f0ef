using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture;

namespace ContinuousProfiler.Gate.Local;

/// <summary>What <c>profgate local</c> profiles.</summary>
/// <param name="WorkingDirectory">The current folder (inside the repository); the base side runs in the same subfolder of its worktree.</param>
/// <param name="Command">The command that builds and runs the workload in a tree.</param>
/// <param name="Repeat">Profiled runs per side.</param>
/// <param name="Group">The scenario group (the store key next to the commit).</param>
/// <param name="Profiler">The profiler, or null to choose from the command.</param>
/// <param name="Allocations">Also record allocation profiles.</param>
/// <param name="TimingRuns">Unprofiled timing runs per side (scenario wall and CPU time, gated by the time rule).</param>
public sealed record LocalRequest(
    string WorkingDirectory,
    ImmutableArray<string> Command,
    int Repeat,
    string Group,
    ProfilerKind? Profiler,
    bool Allocations,
    int TimingRuns = 0);

/// <summary>The two sets <c>profgate local</c> compares.</summary>
/// <param name="BaseSet">The base ProfileSet folder (profiled now, or fetched from the local store).</param>
/// <param name="HeadSet">The head ProfileSet folder (the working tree, uncommitted changes included).</param>
/// <param name="Base">The base commit and how it was chosen.</param>
/// <param name="HeadCommit">HEAD's SHA, or null in a repository without commits.</param>
/// <param name="HeadDirty">True when the working tree had uncommitted changes.</param>
/// <param name="BaseSource">Where the base set came from, for reports.</param>
public sealed record LocalSets(string BaseSet, string HeadSet, ResolvedBase Base, string? HeadCommit, bool HeadDirty, string BaseSource);
