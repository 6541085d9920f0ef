using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.Config;

/// <summary>
/// Loads <c>.profgate.yml</c> into a <see cref="GatePolicy"/>. Every key is validated; an unknown key
/// or a bad value is an <see cref="InputException"/> naming the file, line and key
/// (<c>.profgate.yml:12: unknown key 'treshold' in rules[1]; expected one of: …</c>). The schema is
/// documented in docs/config.md.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The config file name looked for at the repository root.</summary>
    public const string FileName = ".profgate.yml";

    /// <summary>The alternative spelling, accepted when <see cref="FileName"/> is absent.</summary>
    public const string AlternativeFileName = ".profgate.yaml";

    /// <summary>Reads a config file.</summary>
    public static GatePolicy Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Load(reader, path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path}: config file not found; check the --config path", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the config file: {e.Message}", inner: e);
        }
    }

    /// <summary>Reads a config from text; <paramref name="displayName"/> is the name errors show.</summary>
    public static GatePolicy Load(TextReader reader, string displayName = FileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var source = new ConfigSource(displayName);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var message = e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"duplicate key '{e.Message["Duplicate key ".Length..]}'; each key may appear once per section"
                : $"invalid YAML at column {e.Start.Column}: {e.Message}; check indentation and quoting";
            throw source.Error(e.Start.Line, message);
        }

        if (stream.Documents.Count == 0)
        {
            return GatePolicy.Default;
        }

        if (stream.Documents.Count > 1)
        {
            throw source.Error(stream.Documents[1].RootNode, "the file holds several YAML documents ('---'); keep one");
        }

        var root = stream.Documents[0].RootNode;
        return root is YamlScalarNode scalar && ConfigValues.IsNull(scalar) ? GatePolicy.Default : PolicyReader.Read(source, root);
    }

    /// <summary>
    /// Loads <c>.profgate.yml</c> (or <c>.profgate.yaml</c>) from <paramref name="directory"/>, or returns
    /// <see cref="GatePolicy.Default"/> when there is none.
    /// </summary>
    public static GatePolicy LoadOrDefault(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Find(directory) is { } path ? Load(path) : GatePolicy.Default;
    }

    /// <summary>The config file in <paramref name="directory"/>, or null; both spellings at once is an error.</summary>
    public static string? Find(string directory)
    {
        var yml = Combine(directory, FileName);
        var yaml = Combine(directory, AlternativeFileName);
        return (File.Exists(yml), File.Exists(yaml)) switch
        {
            (true, true) => throw new InputException($"{yml} and {yaml} both exist; keep one of them"),
            (true, false) => yml,
            (false, true) => yaml,
            _ => null,
        };
    }

    // "." stays out of messages: ".profgate.yml:3: …" reads better than "./.profgate.yml:3: …".
    private static string Combine(string directory, string name) =>
        directory is "" or "." ? name : Path.Combine(directory, name);
}
