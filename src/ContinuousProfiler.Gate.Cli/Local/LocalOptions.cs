using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Cli.Local;

/// <summary>The bound options of <c>profgate local</c>; nulls fall back to the config's <c>local:</c> section.</summary>
/// <param name="Command">The command after <c>--</c>, or empty for <c>local.command</c>.</param>
/// <param name="Base">The base revision, or null for the merge-base with the upstream or default branch.</param>
/// <param name="Repeat">Profiled runs per side, or null for <c>local.repeat</c>.</param>
/// <param name="Config">The config file, or null for <c>.profgate.yml</c> at the repository root.</param>
/// <param name="Name">The scenario group, or null for <c>local.name</c>.</param>
/// <param name="Profiler">dotnet, perf or files, or null for <c>local.profiler</c> (else chosen from the command).</param>
/// <param name="Alloc">Also record and compare allocation profiles.</param>
/// <param name="TimingRuns">Unprofiled timing runs per side, for gating scenario time.</param>
/// <param name="Open">Open the HTML report when done.</param>
/// <param name="Out">The report folder, or null for <c>.profgate/reports</c> at the repository root.</param>
/// <param name="Hook">Run as the pre-push hook: no configured command is a skip (exit 0), not an error.</param>
/// <param name="SetsOut">A folder to keep both ProfileSets in (<c>base/</c> and <c>head/</c>), or null.</param>
/// <param name="NoReport">Only capture (needs <paramref name="SetsOut"/>): no comparison, no report, exit 0.</param>
internal sealed record LocalOptions(
    ImmutableArray<string> Command,
    string? Base,
    int? Repeat,
    string? Config,
    string? Name,
    string? Profiler,
    bool Alloc,
    int TimingRuns,
    bool Open,
    string? Out,
    bool Hook,
    string? SetsOut = null,
    bool NoReport = false);
