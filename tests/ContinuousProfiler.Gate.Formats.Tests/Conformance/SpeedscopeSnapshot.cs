using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>One frame of a speedscope Jest snapshot: identity and its self/total weight.</summary>
public sealed record SnapshotFrame(string Key, string Name, string? File, int? Line, double SelfWeight, double TotalWeight);

/// <summary>One profile dump of a speedscope Jest snapshot.</summary>
public sealed record SnapshotProfile(string Name, IReadOnlyList<SnapshotFrame> Frames, IReadOnlyList<string> Stacks);

/// <summary>
/// Reads speedscope's Jest snapshot files (<c>exports[`name N`] = `...`;</c> with JS-style object dumps)
/// leniently: only the <c>Frame { ... }</c> blocks, the profile name and the stack lines are parsed.
/// </summary>
public static partial class SpeedscopeSnapshot
{
    public static IReadOnlyDictionary<string, SnapshotProfile> Load(string path)
    {
        var text = File.ReadAllText(path);
        var result = new Dictionary<string, SnapshotProfile>(StringComparer.Ordinal);
        foreach (var chunk in text.Split("\nexports[`", StringSplitOptions.None).Skip(1))
        {
            var nameEnd = chunk.IndexOf("`] = `", StringComparison.Ordinal);
            var exportName = chunk[..nameEnd];
            var body = chunk[(nameEnd + 6)..];
            if (!body.Contains("\"frames\"", StringComparison.Ordinal))
            {
                continue;
            }

            var frames = FramePattern().Matches(body).Select(m => ParseFrame(m.Groups["fields"].Value)).ToList();
            var name = Unquote(NamePattern().Match(body).Groups["name"].Value);
            var stacksBlock = body[(body.IndexOf("\"stacks\": [", StringComparison.Ordinal) + 11)..];
            var stacks = StackPattern().Matches(stacksBlock[..stacksBlock.IndexOf(']', StringComparison.Ordinal)])
                .Select(m => Unquote(m.Groups["s"].Value)).ToList();
            result.Add(exportName, new SnapshotProfile(name, frames, stacks));
        }

        return result;
    }

    private static SnapshotFrame ParseFrame(string fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match field in FieldPattern().Matches(fields))
        {
            values[field.Groups["k"].Value] = field.Groups["v"].Value;
        }

        string? Text(string key) => values[key] == "undefined" ? null : Unquote(values[key]);
        double Number(string key) => double.Parse(values[key], CultureInfo.InvariantCulture);
        var line = Text("line");
        return new SnapshotFrame(Text("key")!, Text("name")!, Text("file"), line is null ? null : int.Parse(line, CultureInfo.InvariantCulture),
            Number("selfWeight"), Number("totalWeight"));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? Regex.Unescape(value[1..^1])
            : value;

    [GeneratedRegex(@"Frame \{\n(?<fields>.*?)\n\s*\},", RegexOptions.Singleline)]
    private static partial Regex FramePattern();

    [GeneratedRegex(@"^\s*""(?<k>\w+)"": (?<v>.*),$", RegexOptions.Multiline)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^  ""name"": (?<name>.*),$", RegexOptions.Multiline)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\s*(?<s>"".*""),$", RegexOptions.Multiline)]
    private static partial Regex StackPattern();
}
