using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Text;

namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>
/// Collapses <c>perf script</c> text into folded stacks exactly as FlameGraph's <c>stackcollapse-perf.pl</c>
/// (the PR #231 revision, which also flushes a last record not followed by a blank line): one sample per
/// record, weighted by its period field, process name as root frame, tidied names, first event type only.
/// Streams: samples are produced while the input is read.
/// </summary>
public sealed class PerfScriptCollapser(PerfCollapseOptions? options = null)
{
    private readonly PerfFrameNamer _namer = new(options ?? PerfCollapseOptions.Default);

    /// <summary>The options this collapser applies.</summary>
    public PerfCollapseOptions Options { get; } = options ?? PerfCollapseOptions.Default;

    /// <summary>Reads samples from a stream (UTF-8, or UTF-16 with a BOM).</summary>
    public IEnumerable<PerfSample> ReadSamples(Stream input, string source, PerfCollapseStats? stats = null) =>
        ReadSamples(TextInput.Lines(input, source), stats);

    /// <summary>Reads samples from decoded text.</summary>
    public IEnumerable<PerfSample> ReadSamples(TextReader reader, PerfCollapseStats? stats = null) =>
        ReadSamples(TextInput.Lines(reader, "perf script"), stats);

    /// <summary>Reads samples from numbered lines.</summary>
    public IEnumerable<PerfSample> ReadSamples(IEnumerable<(int Number, string Text)> lines, PerfCollapseStats? stats = null)
    {
        stats ??= new PerfCollapseStats();
        stats.EventFilter = Options.EventFilter;
        var record = new RecordState();
        foreach (var (number, line) in lines)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (record.Emit(stats) is { } sample)
                {
                    yield return sample;
                }

                continue;
            }

            if (PerfScriptSyntax.EventStart().Match(line) is { Success: true } start)
            {
                ReadEventLine(line, number, start, record, stats);
            }
            else if (PerfScriptSyntax.FrameLine().Match(line) is { Success: true } frame)
            {
                if (record.ProcessName is not null)
                {
                    var frameLine = new PerfFrameLine(frame.Groups[1].Value, frame.Groups[2].Value, frame.Groups[3].Value);
                    record.AddFrame(frameLine, _namer);
                }
            }
            else
            {
                stats.UnrecognizedLines++;
                stats.FirstUnrecognizedLine = stats.FirstUnrecognizedLine == 0 ? number : stats.FirstUnrecognizedLine;
            }
        }

        if (record.Emit(stats) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Collapses a stream into folded lines: one per distinct stack, summed, in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Collapse(Stream input, string source, PerfCollapseStats? stats = null)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sample in ReadSamples(input, source, stats))
        {
            var key = sample.Folded;
            sums[key] = sums.GetValueOrDefault(key) + sample.Weight;
        }

        var lines = sums.ToList();
        lines.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return lines;
    }

    /// <summary>Writes the collapsed lines (<c>stack count\n</c>), as the Perl script prints them.</summary>
    public void Collapse(Stream input, TextWriter output, string source, PerfCollapseStats? stats = null)
    {
        foreach (var (stack, count) in Collapse(input, source, stats))
        {
            output.Write(stack);
            output.Write(' ');
            output.Write(FoldedSyntax.FormatCount(count));
            output.Write('\n');
        }
    }

    private void ReadEventLine(string line, int number, Match start, RecordState record, PerfCollapseStats stats)
    {
        var command = start.Groups[1].Value;
        string? pid = start.Groups[2].Value;
        var tid = start.Groups[3].Success ? start.Groups[3].Value : "";
        if (tid.Length == 0 || tid == "0")
        {
            // Perl's `if (not $tid)`: "0" is false too, so "swapper 0/0" reads as TID 0 with no PID.
            tid = pid;
            pid = null;
        }

        double? period = null;
        string? eventName = null;
        if (PerfScriptSyntax.PeriodAndEvent().Match(line) is { Success: true } periodAndEvent)
        {
            eventName = periodAndEvent.Groups[2].Value;
            if (stats.EventFilter is null)
            {
                stats.EventFilter = eventName;
            }
            else if (eventName != stats.EventFilter)
            {
                stats.FilteredRecords++;
                return;
            }

            var text = periodAndEvent.Groups[1].Success ? periodAndEvent.Groups[1].Value : "";
            if (text.Length > 0 && text != "0")
            {
                period = double.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        var processName = Options.IncludeTid ? $"{command}-{pid ?? "?"}/{tid}"
            : Options.IncludePid ? $"{command}-{pid ?? "?"}"
            : command;
        var timestamp = PerfScriptSyntax.Timestamp().Match(line);
        record.Start(number, processName.Replace(' ', '_'), command, pid, tid, timestamp.Success ? timestamp.Groups[1].Value : null, eventName, period);
    }

    // The Perl script's globals: the stack is only cleared when a record is emitted, so frames of a record
    // without its blank line run on into the next one, exactly as there.
    private sealed class RecordState
    {
        private readonly List<Frame> _stack = [];
        private readonly List<PerfFrameLine> _frames = [];
        private readonly List<Frame> _lineFrames = [];
        private int _line;
        private string _command = "";
        private string? _pid;
        private string _tid = "";
        private string? _timestamp;
        private string? _event;
        private double? _period;

        public string? ProcessName { get; private set; }

        public void Start(int line, string processName, string command, string? pid, string tid, string? timestamp, string? eventName, double? period)
        {
            (_line, ProcessName, _command, _pid, _tid, _timestamp, _event, _period) = (line, processName, command, pid, tid, timestamp, eventName, period);
        }

        public void AddFrame(PerfFrameLine line, PerfFrameNamer namer)
        {
            _frames.Add(line);
            _lineFrames.Clear();
            namer.Name(line, ProcessName!.StartsWith("java", StringComparison.Ordinal), _lineFrames);
            _stack.InsertRange(0, _lineFrames);
        }

        public PerfSample? Emit(PerfCollapseStats stats)
        {
            if (ProcessName is null)
            {
                return null;
            }

            var stack = ImmutableArray.CreateBuilder<Frame>(_stack.Count + 1);
            stack.Add(new Frame(ProcessName));
            stack.AddRange(_stack);
            var sample = new PerfSample(_line, _command, _pid, _tid, _timestamp, _event, _period, [.. _frames], stack.MoveToImmutable());
            _stack.Clear();
            _frames.Clear();
            ProcessName = null;
            stats.Samples++;
            return sample;
        }
    }
}
