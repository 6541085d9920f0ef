using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.Config;

/// <summary>
/// Typed values of the config. Every percentage is written with a percent sign (<c>fail: 10%</c>,
/// <c>floor: 0.25%</c>, <c>confidence: 99%</c>); a bare number is rejected because <c>0.1</c> and
/// <c>10</c> would each be read one way by half the people writing them.
/// </summary>
internal static partial class ConfigValues
{
    /// <summary>A scalar string, or null when the key is absent.</summary>
    public static string? String(ConfigMap map, string key, bool allowEmpty = false)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var text = Scalar(map, key, node, "a text value");
        if (!allowEmpty && text.Trim().Length == 0)
        {
            throw map.Source.Error(node, $"{map.PathOf(key)} is empty; give it a value or remove the key");
        }

        return text;
    }

    /// <summary>
    /// A percentage such as <c>10%</c> or <c>2.5%</c>, returned as written (10, 2.5); null when absent.
    /// </summary>
    public static double? Percent(ConfigMap map, string key, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var text = Scalar(map, key, node, "a percentage like 10%").Trim();
        var m = PercentPattern().Match(text);
        if (!m.Success && text.StartsWith('-') && PercentPattern().IsMatch(text[1..].TrimStart()))
        {
            throw map.Source.Error(node, $"{map.PathOf(key)}: '{text}' is negative; thresholds are sizes of a change in either direction, write {key}: {text[1..].TrimStart()}");
        }

        if (!m.Success)
        {
            var hint = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare)
                ? $"; a bare number is ambiguous, write it with a percent sign: {key}: {FormatPercent(bare)}% (or {FormatPercent(bare * 100)}% if you meant a fraction)"
                : $"; write a number with a percent sign, e.g. {key}: 10%";
            throw map.Source.Error(node, $"{map.PathOf(key)}: '{text}' is not a percentage{hint}");
        }

        var value = double.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture);
        if (value < min || value > max || (minExclusive && value == min) || (maxExclusive && value == max))
        {
            var low = minExclusive ? "above" : "at least";
            var high = maxExclusive ? "below" : "at most";
            throw map.Source.Error(node, $"{map.PathOf(key)}: {text} is out of range; it must be {low} {FormatPercent(min)}% and {high} {FormatPercent(max)}%");
        }

        return value;
    }

    /// <summary><c>true</c> or <c>false</c>; null when absent.</summary>
    public static bool? Bool(ConfigMap map, string key)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var text = Scalar(map, key, node, "true or false").Trim();
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw map.Source.Error(node, $"{map.PathOf(key)}: '{text}' is not a boolean; write true or false"),
        };
    }

    /// <summary>A whole number within a range; null when absent.</summary>
    public static int? Int(ConfigMap map, string key, int min, int max)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var text = Scalar(map, key, node, "a whole number").Trim();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw map.Source.Error(node, $"{map.PathOf(key)}: '{text}' is not a whole number; write e.g. {key}: {min}");
        }

        if (value < min || value > max)
        {
            throw map.Source.Error(node, $"{map.PathOf(key)}: {value} is out of range; it must be between {min} and {max}");
        }

        return value;
    }

    /// <summary>One of <paramref name="names"/> (case-sensitive, as documented); null when absent.</summary>
    public static string? OneOf(ConfigMap map, string key, IReadOnlyList<string> names)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var text = Scalar(map, key, node, "one of " + string.Join(", ", names)).Trim();
        if (!names.Contains(text, StringComparer.Ordinal))
        {
            var hint = Closest(text, names) is { } near ? $" (did you mean '{near}'?)" : "";
            throw map.Source.Error(node, $"{map.PathOf(key)}: '{text}' is not allowed; expected one of: {string.Join(", ", names)}{hint}");
        }

        return text;
    }

    /// <summary>A sample type name (<c>cpu</c>, <c>alloc_space</c>) or <c>type/unit</c>; null when absent.</summary>
    public static string? SampleType(ConfigMap map, string key)
    {
        var text = String(map, key)?.Trim();
        if (text is not null && !SampleTypePattern().IsMatch(text))
        {
            throw map.Source.Error(map[key]!, $"{map.PathOf(key)}: '{text}' is not a sample type name; write a type such as cpu, samples or alloc_space (or type/unit, e.g. cpu/nanoseconds)");
        }

        return text;
    }

    /// <summary>One glob or a list of globs; null when absent.</summary>
    public static ImmutableArray<string>? Globs(ConfigMap map, string key)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        var items = node is YamlSequenceNode sequence
            ? sequence.Children.Select((item, i) => (Node: item, Path: $"{map.PathOf(key)}[{i}]")).ToList()
            : [(node, map.PathOf(key))];
        var globs = ImmutableArray.CreateBuilder<string>(items.Count);
        foreach (var (item, path) in items)
        {
            if (item is not YamlScalarNode scalar || IsNull(scalar) || scalar.Value!.Trim().Length == 0)
            {
                throw map.Source.Error(item, $"{path} must be a glob (text such as 'main' or 'release/*'), not {KindOf(item)}");
            }

            globs.Add(CheckGlob(map.Source, item, path, scalar.Value!));
        }

        return globs.MoveToImmutable();
    }

    /// <summary>Validates a glob and returns it as written.</summary>
    public static string CheckGlob(ConfigSource source, YamlNode node, string path, string pattern)
    {
        try
        {
            Glob.Parse(pattern);
            return pattern;
        }
        catch (FormatException e)
        {
            throw source.Error(node, $"{path}: {e.Message}");
        }
    }

    /// <summary>The closest allowed name when it is near enough to be a typo.</summary>
    public static string? Closest(string key, IReadOnlyList<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var d = string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(key, candidate);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= Math.Max(1, Math.Min(3, key.Length / 3)) ? best : null;
    }

    /// <summary>How a node is described in messages.</summary>
    public static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "an empty value",
        _ => "a single value",
    };

    /// <summary>True for YAML's null (<c>~</c>, <c>null</c> or nothing after the colon).</summary>
    public static bool IsNull(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Scalar(ConfigMap map, string key, YamlNode node, string expected)
    {
        if (node is not YamlScalarNode scalar || IsNull(scalar))
        {
            throw map.Source.Error(node, $"{map.PathOf(key)} must be {expected}, not {KindOf(node)}");
        }

        return scalar.Value!;
    }

    private static string FormatPercent(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*%$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SampleTypePattern();
}
