using System.Collections.Immutable;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats.Chrome;

/// <summary>
/// Reads both <c>.cpuprofile</c> layouts into <see cref="ChromeCpuProfile"/>: the DevTools protocol layout
/// (<c>nodes</c> with <c>callFrame</c> and <c>children</c> or <c>parent</c> ids, <c>timeDeltas</c> in µs,
/// the first relative to <c>startTime</c>) and the old V8 API layout (a nested <c>head</c> tree,
/// <c>startTime</c>/<c>endTime</c> in seconds, absolute <c>timestamps</c> in µs).
/// </summary>
internal static class ChromeCpuProfileReader
{
    public static ChromeCpuProfile Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error(source, "the top level is not a JSON object");
        }

        var samples = root.TryGetProperty("samples", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(e => Integer(e, source, "samples")).ToImmutableArray()
            : [];
        if (root.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
        {
            var start = OptionalNumber(root, "startTime", source);
            var times = ImmutableArray<double>.Empty;
            if (root.TryGetProperty("timeDeltas", out var deltas) && deltas.ValueKind == JsonValueKind.Array)
            {
                if (deltas.GetArrayLength() != samples.Length)
                {
                    throw Error(source, $"'timeDeltas' has {deltas.GetArrayLength()} entries but 'samples' has {samples.Length}; expected one time delta per sample");
                }

                var builder = ImmutableArray.CreateBuilder<double>(samples.Length);
                var elapsed = start;
                foreach (var delta in deltas.EnumerateArray())
                {
                    elapsed += Number(delta, source, "timeDeltas");
                    builder.Add(elapsed);
                }

                times = builder.MoveToImmutable();
            }

            return new ChromeCpuProfile([.. FlatNodes(nodes, source)], samples, times, start, OptionalNumber(root, "endTime", source));
        }

        if (root.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object)
        {
            var flat = new List<ChromeNode>();
            TreeNodes(head, null, flat, source);
            var times = root.TryGetProperty("timestamps", out var stamps) && stamps.ValueKind == JsonValueKind.Array
                ? stamps.EnumerateArray().Select(e => Number(e, source, "timestamps")).ToImmutableArray()
                : [];
            if (!times.IsEmpty && times.Length < samples.Length)
            {
                throw Error(source, $"'timestamps' has {times.Length} entries but 'samples' has {samples.Length}; expected one timestamp per sample");
            }

            // The old API's times are in seconds; some files carry one timestamp more than samples.
            return new ChromeCpuProfile([.. flat], samples, times.IsEmpty ? times : times[..samples.Length],
                OptionalNumber(root, "startTime", source) * 1e6, OptionalNumber(root, "endTime", source) * 1e6);
        }

        throw Error(source, "it has neither a 'nodes' array nor a 'head' tree");
    }

    public static InputException Error(string source, string what) =>
        new($"{source}: not a valid Chrome .cpuprofile: {what}; expected the JSON that DevTools or 'node --cpu-prof' writes ({{\"nodes\": [...], \"samples\": [...], \"timeDeltas\": [...]}})");

    private static IEnumerable<ChromeNode> FlatNodes(JsonElement nodes, string source)
    {
        var parents = new Dictionary<long, long>();
        var list = new List<(long Id, JsonElement Frame, long? Parent, long Hits)>();
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("callFrame", out var frame) || frame.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, "a node has no 'callFrame' object");
            }

            var id = Integer(Property(node, "id", source), source, "id");
            long? parent = node.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
            list.Add((id, frame, parent, node.TryGetProperty("hitCount", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetInt64() : 0));
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    parents[Integer(child, source, "children")] = id;
                }
            }
        }

        foreach (var (id, frame, parent, hits) in list)
        {
            yield return new ChromeNode(id, Text(frame, "functionName"), Text(frame, "url"), LineNumber(frame),
                parent ?? (parents.TryGetValue(id, out var p) ? p : null), hits);
        }
    }

    private static void TreeNodes(JsonElement node, long? parent, List<ChromeNode> flat, string source)
    {
        var id = Integer(Property(node, "id", source), source, "id");
        flat.Add(new ChromeNode(id, Text(node, "functionName"), Text(node, "url"), LineNumber(node), parent,
            node.TryGetProperty("hitCount", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetInt64() : 0));
        if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                TreeNodes(child, id, flat, source);
            }
        }
    }

    private static JsonElement Property(JsonElement element, string name, string source) =>
        element.TryGetProperty(name, out var value) ? value : throw Error(source, $"a node has no '{name}'");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static long LineNumber(JsonElement element) =>
        element.TryGetProperty("lineNumber", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var line) ? line : -1;

    private static long Integer(JsonElement element, string source, string what) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : throw Error(source, $"'{what}' holds {element.ValueKind} where an integer id was expected");

    private static double Number(JsonElement element, string source, string what) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDouble() : throw Error(source, $"'{what}' holds {element.ValueKind} where a number was expected");

    private static double OptionalNumber(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) ? Number(value, source, name) : 0;
}
