using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Text;

namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>
/// Reads <c>perf script</c> text through <see cref="PerfScriptCollapser"/> with default options, so stacks
/// and default-column weights equal <c>stackcollapse-perf.pl</c>'s output. Columns: <c>samples/count</c>
/// (one per record) and, when records carry a period field, <c>&lt;event&gt;/&lt;unit&gt;</c> (the period
/// sum, a record without one weighing 1 as in the script), the default; the unit is nanoseconds for
/// <c>cpu-clock</c>/<c>task-clock</c> when every record has a period, else count.
/// </summary>
public sealed class PerfScriptImporter : IProfileImporter
{
    private static readonly SampleType Records = new("samples", "count");

    /// <inheritdoc />
    public string Name => "perf";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> head)
    {
        var lines = TextProbe.Lines(head);
        var i = 0;
        while (i < lines.Count && (lines[i].Length == 0 || lines[i].StartsWith('#')))
        {
            i++;
        }

        if (i == lines.Count || !PerfScriptSyntax.EventStart().IsMatch(lines[i]))
        {
            return false;
        }

        // The first record has a call graph (a frame line right after its event line), or perf could not walk
        // its call chain (common for a short run's first sample): an event line ending in 'event:', a blank
        // line, then the next event line or the end, but never frame lines cut off by a stray blank line.
        if (i + 1 < lines.Count && PerfScriptSyntax.FrameLine().IsMatch(lines[i + 1]))
        {
            return true;
        }

        if (!PerfScriptSyntax.PeriodAndEvent().IsMatch(lines[i]) || i + 1 < lines.Count && lines[i + 1].Length != 0)
        {
            return false;
        }

        var next = i + 1;
        while (next < lines.Count && lines[next].Length == 0)
        {
            next++;
        }

        return next == lines.Count || PerfScriptSyntax.EventStart().IsMatch(lines[next]);
    }

    /// <inheritdoc />
    public Profile Import(Stream input, string source)
    {
        var stats = new PerfCollapseStats();
        return Read(input, source, stats) ?? throw new InputException(NoSamples(source, stats));
    }

    /// <summary>
    /// Reads perf script text, or returns false when it holds no record at all (empty, or only <c>#</c> header
    /// and blank lines: what a run too short to be sampled leaves), so a caller can say why in its own words.
    /// Text with lines that are not perf script still throws.
    /// </summary>
    public bool TryImport(Stream input, string source, [NotNullWhen(true)] out Profile? profile)
    {
        var stats = new PerfCollapseStats();
        profile = Read(input, source, stats);
        if (profile is null && stats.UnrecognizedLines > 0)
        {
            throw new InputException(NoSamples(source, stats));
        }

        return profile is not null;
    }

    private static string NoSamples(string source, PerfCollapseStats stats)
    {
        var where = stats.UnrecognizedLines > 0 ? $" (line {stats.FirstUnrecognizedLine} is neither an event line nor a frame line)" : "";
        return $"{source}: no perf script samples found{where}; expected records like 'comm 1234 5.678901: 1000000 cpu-clock:' followed by frame lines like '  ffffffff8103ce3b func+0x1b (module)', as written by 'perf script' for a 'perf record -g' capture (stackcollapse-perf.pl ignores samples without a call graph)";
    }

    private static Profile? Read(Stream input, string source, PerfCollapseStats stats)
    {
        var builder = new ProfileBuilder([Records, Records]);
        var stack = new List<int>();
        var values = new double[2];
        var withPeriod = 0;
        foreach (var sample in new PerfScriptCollapser().ReadSamples(input, source, stats))
        {
            stack.Clear();
            foreach (var frame in sample.Stack)
            {
                stack.Add(builder.InternFrame(frame.Name.Length > 0 ? frame : frame with { Name = "[unknown]" }));
            }

            withPeriod += sample.Period is null ? 0 : 1;
            values[0] = 1;
            values[1] = sample.Weight;
            builder.AddSample(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), values);
        }

        if (stats.Samples == 0)
        {
            return null;
        }

        var draft = builder.Build();
        var types = withPeriod > 0 ? new[] { Records, PeriodType(stats.EventFilter!, withPeriod == stats.Samples) } : [Records];
        var warnings = Warnings(source, stats);
        if (withPeriod > 0 && withPeriod < stats.Samples)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{source}: {stats.Samples - withPeriod} record(s) have no period field and weigh 1 in '{types[1]}', as in stackcollapse-perf.pl"));
        }

        var final = new ProfileBuilder(types, types.Length - 1)
        {
            Metadata = ProfileMetadata.Empty with { Source = source, Producer = "perf", Warnings = [.. warnings] },
        };
        foreach (var frame in draft.Frames)
        {
            final.InternFrame(frame);
        }

        foreach (var sample in draft.Samples)
        {
            final.AddSample(sample.Stack.AsSpan(), sample.Values.AsSpan(0, types.Length));
        }

        return final.Build();
    }

    private static SampleType PeriodType(string eventName, bool everyRecordHasPeriod)
    {
        var name = eventName.Split(':')[0];
        var unit = everyRecordHasPeriod && (name is "cpu-clock" or "task-clock") ? "nanoseconds" : "count";
        return new SampleType(name.Length > 0 ? name : "events", unit);
    }

    private static List<string> Warnings(string source, PerfCollapseStats stats)
    {
        var warnings = new List<string>();
        if (stats.FilteredRecords > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{source}: kept only '{stats.EventFilter}' events; skipped {stats.FilteredRecords} record(s) of other event types"));
        }

        if (stats.UnrecognizedLines > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{source}: skipped {stats.UnrecognizedLines} unrecognized line(s) (first at line {stats.FirstUnrecognizedLine})"));
        }

        return warnings;
    }
}
