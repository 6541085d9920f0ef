using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.Config;

/// <summary>
/// One YAML mapping of the config with its path (<c>rules[1]</c>) and its allowed keys. Construction
/// rejects unknown keys, naming the closest allowed one.
/// </summary>
internal sealed class ConfigMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public ConfigMap(ConfigSource source, YamlNode node, string path, IReadOnlyList<string> allowed)
    {
        Source = source;
        Node = node;
        Path = path;
        if (node is not YamlMappingNode mapping)
        {
            throw source.Error(node, $"{Describe(path)} must be a mapping of keys ({string.Join(", ", allowed)}), not {ConfigValues.KindOf(node)}");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                throw source.Error(keyNode, $"{Describe(path)} has a key that is not a plain name");
            }

            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var hint = ConfigValues.Closest(key, allowed) is { } near ? $" (did you mean '{near}'?)" : "";
                throw source.Error(keyNode, $"unknown key '{key}' in {Describe(path)}; expected one of: {string.Join(", ", allowed)}{hint}");
            }

            _entries[key] = (scalarKey, value);
        }
    }

    public ConfigSource Source { get; }

    public YamlNode Node { get; }

    public string Path { get; }

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? this[string key] => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The dotted path of a key for messages: <c>rules[1].fail</c>.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    private static string Describe(string path) => path.Length == 0 ? "the file" : path;
}
