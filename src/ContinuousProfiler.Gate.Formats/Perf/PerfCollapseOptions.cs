namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>
/// The annotation options of FlameGraph's <c>stackcollapse-perf.pl</c> that <see cref="PerfScriptCollapser"/>
/// supports. <see cref="Default"/> is the script run without flags (what the importer uses).
/// </summary>
public sealed record PerfCollapseOptions
{
    /// <summary>No flags: process name as root frame, no annotations.</summary>
    public static readonly PerfCollapseOptions Default = new();

    /// <summary><c>--pid</c>: the root frame is <c>comm-PID</c> (<c>comm-?</c> when perf printed no PID).</summary>
    public bool IncludePid { get; init; }

    /// <summary><c>--tid</c>: the root frame is <c>comm-PID/TID</c>; wins over <see cref="IncludePid"/>.</summary>
    public bool IncludeTid { get; init; }

    /// <summary><c>--kernel</c>: frames from <c>[...]</c> or <c>*vmlinux</c> modules get <c>_[k]</c>.</summary>
    public bool AnnotateKernel { get; init; }

    /// <summary><c>--jit</c>: frames from <c>/tmp/perf-PID.map</c> get <c>_[j]</c>.</summary>
    public bool AnnotateJit { get; init; }

    /// <summary><c>--addrs</c>: unresolved frames keep their address, <c>[module &lt;addr&gt;]</c>.</summary>
    public bool IncludeAddresses { get; init; }

    /// <summary><c>--event-filter=NAME</c>; null keeps the first event type seen (the script's default).</summary>
    public string? EventFilter { get; init; }

    /// <summary><c>--all</c>: both <see cref="AnnotateKernel"/> and <see cref="AnnotateJit"/>.</summary>
    public PerfCollapseOptions WithAllAnnotations() => this with { AnnotateKernel = true, AnnotateJit = true };
}
