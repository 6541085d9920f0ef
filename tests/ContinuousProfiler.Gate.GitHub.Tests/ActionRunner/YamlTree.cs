using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;

/// <summary>A YAML file as plain nested dictionaries, lists and strings (keys in file order).</summary>
public static class YamlTree
{
    /// <summary>Loads the first document of <paramref name="path"/>.</summary>
    public static Dictionary<string, object?> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return (Dictionary<string, object?>)Convert(stream.Documents[0].RootNode)!;
    }

    /// <summary>A child mapping (empty when absent).</summary>
    public static Dictionary<string, object?> Map(this Dictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<string, object?> map ? map : [];

    /// <summary>A child list (empty when absent).</summary>
    public static List<object?> List(this Dictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object?> list ? list : [];

    /// <summary>A child scalar, or null.</summary>
    public static string? Str(this Dictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as string : null;

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Convert(kv.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}
