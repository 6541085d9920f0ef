using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Text;

namespace ContinuousProfiler.Gate.Formats.Chrome;

/// <summary>
/// Reads Chrome/V8 <c>.cpuprofile</c> files (new and old layouts). Columns: <c>samples/count</c> and, when
/// the file has sample times, <c>wall/microseconds</c> (the default): a sample lasts until the next one, as
/// in speedscope and DevTools; a time earlier than the previous one counts as the previous one, and the last
/// sample, which has no successor, counts 0 µs. Stacks are the node paths without <c>(root)</c>; V8's
/// <c>(program)</c>, <c>(idle)</c> and <c>(garbage collector)</c> nodes stay frames of their own. Anonymous
/// functions are named <c>(anonymous file:line)</c>. Frames keep the script URL and 1-based line.
/// </summary>
public sealed class ChromeCpuProfileImporter : IProfileImporter
{
    private static readonly SampleType Count = new("samples", "count");
    private static readonly SampleType Wall = new("wall", "microseconds");

    /// <inheritdoc />
    public string Name => "chrome";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> head)
    {
        var text = TextProbe.FirstContent(head);
        return text.StartsWith('{')
            && !text.Contains("\"traceEvents\"", StringComparison.Ordinal)
            && !text.Contains("speedscope.app/file-format-schema", StringComparison.Ordinal)
            && ((text.Contains("\"nodes\"", StringComparison.Ordinal) && text.Contains("\"callFrame\"", StringComparison.Ordinal))
                || (text.Contains("\"head\"", StringComparison.Ordinal) && text.Contains("\"functionName\"", StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    public Profile Import(Stream input, string source)
    {
        ChromeCpuProfile cpu;
        try
        {
            using var document = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 4096 });
            cpu = ChromeCpuProfileReader.Read(document.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}:{e.LineNumber + 1}: not valid JSON ({e.Message.Split('.')[0]}); expected a Chrome .cpuprofile");
        }

        return Build(cpu, source);
    }

    private static Profile Build(ChromeCpuProfile cpu, string source)
    {
        var timed = !cpu.SampleTimes.IsEmpty;
        var builder = new ProfileBuilder(timed ? [Count, Wall] : [Count], timed ? 1 : 0)
        {
            Metadata = ProfileMetadata.Empty with
            {
                Source = source,
                Producer = "chrome",
                DurationNanos = cpu.EndTime > cpu.StartTime ? (long)((cpu.EndTime - cpu.StartTime) * 1000) : 0,
            },
        };
        var stacks = new ChromeStacks(cpu.Nodes, builder, source);
        var values = new double[timed ? 2 : 1];
        if (cpu.Samples.IsEmpty)
        {
            // Some producers only fill hitCount: the aggregate without timing.
            foreach (var node in cpu.Nodes.Where(n => n.HitCount > 0))
            {
                builder.AddSample(stacks.Of(node.Id, -1), [node.HitCount]);
            }
        }

        var lastTime = double.NegativeInfinity;
        for (var i = 0; i < cpu.Samples.Length; i++)
        {
            values[0] = 1;
            if (timed)
            {
                lastTime = Math.Max(lastTime, cpu.SampleTimes[i]);
                var next = i + 1 < cpu.Samples.Length ? Math.Max(lastTime, cpu.SampleTimes[i + 1]) : lastTime;
                values[1] = next - lastTime;
            }

            builder.AddSample(stacks.Of(cpu.Samples[i], i), values);
        }

        if (builder.StackCount == 0)
        {
            throw new InputException($"{source}: the Chrome .cpuprofile has no samples; expected at least one sample: a profile stopped before its first sample tick is empty, so give the profiled run more work");
        }

        return builder.Build();
    }

    /// <summary>Frame for one node: speedscope's naming of anonymous functions, 1-based lines.</summary>
    internal static Frame FrameOf(ChromeNode node)
    {
        var line = node.LineNumber >= 0 ? node.LineNumber + 1 : 0;
        var name = node.FunctionName.Length > 0 ? node.FunctionName
            : node.Url.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $"(anonymous {node.Url[(node.Url.LastIndexOf('/') + 1)..]}:{line})")
            : "(anonymous)";
        return new Frame(name, null, node.Url.Length > 0 ? node.Url : null, line);
    }

    // Root-first frame ids per node, computed once per node along parent links.
    private sealed class ChromeStacks(System.Collections.Immutable.ImmutableArray<ChromeNode> nodes, ProfileBuilder builder, string source)
    {
        private readonly Dictionary<long, ChromeNode> _byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<long, int[]> _stacks = [];

        public int[] Of(long id, int sample)
        {
            if (_stacks.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!_byId.TryGetValue(id, out var node))
            {
                throw ChromeCpuProfileReader.Error(source, string.Create(CultureInfo.InvariantCulture, $"sample {sample} refers to node {id}, which is not in the node list"));
            }

            var path = new List<ChromeNode>();
            for (var current = node; current is not null; current = current.ParentId is { } p && _byId.TryGetValue(p, out var parent) ? parent : null)
            {
                if (path.Count > _byId.Count)
                {
                    throw ChromeCpuProfileReader.Error(source, string.Create(CultureInfo.InvariantCulture, $"the parent links of node {id} form a cycle"));
                }

                path.Add(current);
            }

            path.Reverse();
            var stack = path.Where(n => n.FunctionName != "(root)").Select(n => builder.InternFrame(FrameOf(n))).ToArray();
            _stacks[id] = stack;
            return stack;
        }
    }
}
