using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>One frame line of <c>perf script</c> output, as printed.</summary>
/// <param name="Address">The instruction address text (hex, without <c>0x</c>).</param>
/// <param name="Symbol">The symbol text, including any <c>+0x..</c> offset.</param>
/// <param name="Module">The text inside the last parentheses of the line, e.g. <c>[kernel.kallsyms]</c>.</param>
public sealed record PerfFrameLine(string Address, string Symbol, string Module);

/// <summary>
/// One collapsed <c>perf script</c> record: the event line's fields and the stack the way
/// <c>stackcollapse-perf.pl</c> builds it.
/// </summary>
/// <param name="Line">1-based line number of the event line.</param>
/// <param name="Command">The command name (<c>comm</c>) as printed; may contain spaces.</param>
/// <param name="ProcessId">The PID, or null when perf printed only a TID.</param>
/// <param name="ThreadId">The TID.</param>
/// <param name="Timestamp">The timestamp text (<c>seconds.micros</c>), or null when absent.</param>
/// <param name="Event">The event name (e.g. <c>cpu-clock</c>, <c>cycles:u</c>), or null when the script's pattern finds none.</param>
/// <param name="Period">The period field, or null when absent; the record then weighs 1.</param>
/// <param name="Frames">The frame lines that contributed, leaf first as printed.</param>
/// <param name="Stack">The collapsed frames, root first: the process frame, then the tidied and annotated names.</param>
public sealed record PerfSample(
    int Line,
    string Command,
    string? ProcessId,
    string ThreadId,
    string? Timestamp,
    string? Event,
    double? Period,
    ImmutableArray<PerfFrameLine> Frames,
    ImmutableArray<Frame> Stack)
{
    /// <summary>The record's weight in the collapsed output: its period, or 1 without one.</summary>
    public double Weight => Period ?? 1;

    /// <summary>The folded stack text, <c>root;...;leaf</c>.</summary>
    public string Folded => string.Join(';', Stack.Select(f => f.Name));
}
