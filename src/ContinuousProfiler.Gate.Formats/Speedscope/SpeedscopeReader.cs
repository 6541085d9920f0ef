using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Speedscope;

/// <summary>
/// Parses the speedscope file format (https://www.speedscope.app/file-format-schema.json), validating as
/// speedscope does: sampled profiles need one weight per sample and non-negative weights; evented profiles
/// need non-decreasing times and properly nested open/close events that all close.
/// </summary>
public static class SpeedscopeReader
{
    /// <summary>The <c>$schema</c> value that identifies the format.</summary>
    public const string SchemaUrl = "https://www.speedscope.app/file-format-schema.json";

    /// <summary>Reads a whole speedscope file.</summary>
    public static SpeedscopeDocument Read(Stream input, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 256 });
            return Read(document.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}:{e.LineNumber + 1}: not valid JSON ({e.Message.Split('.')[0]}); expected a speedscope file");
        }
    }

    private static SpeedscopeDocument Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var schema) || schema.GetString() != SchemaUrl)
        {
            throw Error(source, $"'$schema' is not \"{SchemaUrl}\"");
        }

        if (!root.TryGetProperty("shared", out var shared) || !shared.TryGetProperty("frames", out var frameArray) || frameArray.ValueKind != JsonValueKind.Array)
        {
            throw Error(source, "'shared.frames' is missing");
        }

        var frames = frameArray.EnumerateArray().Select((f, i) => ReadFrame(f, i, source)).ToImmutableArray();
        if (!root.TryGetProperty("profiles", out var profileArray) || profileArray.ValueKind != JsonValueKind.Array || profileArray.GetArrayLength() == 0)
        {
            throw Error(source, "'profiles' is missing or empty");
        }

        var profiles = profileArray.EnumerateArray().Select((p, i) => ReadProfile(p, i, frames.Length, source)).ToImmutableArray();
        var active = root.TryGetProperty("activeProfileIndex", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var index) && index >= 0 && index < profiles.Length ? index : 0;
        return new SpeedscopeDocument(OptionalText(root, "name"), OptionalText(root, "exporter"), active, frames, profiles);
    }

    private static Frame ReadFrame(JsonElement frame, int index, string source)
    {
        var name = OptionalText(frame, "name") ?? throw Error(source, $"frame {index} has no 'name'");
        var line = frame.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? (long)l.GetDouble() : 0;
        return new Frame(name.Length > 0 ? name : "(anonymous)", null, OptionalText(frame, "file") is { Length: > 0 } file ? file : null, Math.Max(0, line));
    }

    private static SpeedscopeProfile ReadProfile(JsonElement profile, int index, int frameCount, string source)
    {
        var where = $"profile {index}";
        var type = OptionalText(profile, "type");
        var name = OptionalText(profile, "name") ?? "";
        var unit = OptionalText(profile, "unit") ?? "none";
        var samples = type switch
        {
            "sampled" => Sampled(profile, where, frameCount, source),
            "evented" => Evented(profile, where, frameCount, source),
            _ => throw Error(source, $"{where} has type '{type}'; expected 'sampled' or 'evented'"),
        };
        return new SpeedscopeProfile(name, unit, samples);
    }

    private static ImmutableArray<(ImmutableArray<int>, double)> Sampled(JsonElement profile, string where, int frameCount, string source)
    {
        var samples = Array(profile, "samples", where, source);
        var weights = Array(profile, "weights", where, source);
        if (samples.GetArrayLength() != weights.GetArrayLength())
        {
            throw Error(source, $"{where} has {samples.GetArrayLength()} samples but {weights.GetArrayLength()} weights; expected one weight per sample");
        }

        var result = ImmutableArray.CreateBuilder<(ImmutableArray<int>, double)>(samples.GetArrayLength());
        var i = 0;
        foreach (var (stack, weight) in samples.EnumerateArray().Zip(weights.EnumerateArray()))
        {
            var value = weight.ValueKind == JsonValueKind.Number ? weight.GetDouble() : double.NaN;
            if (!(value >= 0) || !double.IsFinite(value))
            {
                throw Error(source, $"{where} sample {i} has weight {weight.GetRawText()}; expected a non-negative number");
            }

            if (stack.ValueKind != JsonValueKind.Array)
            {
                throw Error(source, $"{where} sample {i} is not an array of frame indices");
            }

            result.Add(([.. stack.EnumerateArray().Select(f => FrameIndex(f, frameCount, $"{where} sample {i}", source))], value));
            i++;
        }

        return result.MoveToImmutable();
    }

    // Between two consecutive event times the open stack receives the elapsed time.
    private static ImmutableArray<(ImmutableArray<int>, double)> Evented(JsonElement profile, string where, int frameCount, string source)
    {
        var result = ImmutableArray.CreateBuilder<(ImmutableArray<int>, double)>();
        var open = new List<int>();
        var last = double.NegativeInfinity;
        var i = 0;
        foreach (var e in Array(profile, "events", where, source).EnumerateArray())
        {
            var at = e.TryGetProperty("at", out var atValue) && atValue.ValueKind == JsonValueKind.Number ? atValue.GetDouble() : double.NaN;
            if (!double.IsFinite(at) || at < last)
            {
                throw Error(source, string.Create(CultureInfo.InvariantCulture, $"{where} event {i} is at {at}, before the previous event at {last}; expected events in time order"));
            }

            if (open.Count > 0 && at > last)
            {
                result.Add(([.. open], at - last));
            }

            last = at;
            var frame = FrameIndex(e.TryGetProperty("frame", out var f) ? f : default, frameCount, $"{where} event {i}", source);
            switch (OptionalText(e, "type"))
            {
                case "O":
                    open.Add(frame);
                    break;
                case "C" when open.Count > 0 && open[^1] == frame:
                    open.RemoveAt(open.Count - 1);
                    break;
                case "C":
                    var top = open.Count > 0 ? $"frame {open[^1]} is" : "no frame is";
                    throw Error(source, string.Create(CultureInfo.InvariantCulture, $"{where} event {i} closes frame {frame} at {at} while {top} open on top; expected close events in the reverse order of their opens"));
                default:
                    throw Error(source, $"{where} event {i} has a type other than 'O' or 'C'");
            }

            i++;
        }

        if (open.Count > 0)
        {
            throw Error(source, $"{where} ends with {open.Count} frame(s) still open; expected a close event for every open event");
        }

        return result.ToImmutable();
    }

    private static int FrameIndex(JsonElement value, int frameCount, string where, string source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var index) && index >= 0 && index < frameCount
            ? index
            : throw Error(source, $"{where} refers to frame {(value.ValueKind == JsonValueKind.Undefined ? "(none)" : value.GetRawText())}; expected an index into the {frameCount} shared frames");

    private static JsonElement Array(JsonElement profile, string name, string where, string source) =>
        profile.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw Error(source, $"{where} has no '{name}' array");

    private static string? OptionalText(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static InputException Error(string source, string what) =>
        new($"{source}: not a valid speedscope file: {what} (see {SchemaUrl})");
}
