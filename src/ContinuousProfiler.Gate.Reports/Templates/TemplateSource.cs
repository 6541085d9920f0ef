using System.Reflection;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Reports.Templates;

/// <summary>
/// Finds templates and assets by file name: in the override folder (<c>--templates DIR</c>) when it has
/// the file, else embedded in this assembly from the repository's <c>templates/</c> folder.
/// </summary>
public sealed class TemplateSource
{
    private const string ResourcePrefix = "templates/";
    private readonly string? _directory;

    /// <summary>Creates a source; <paramref name="directory"/> may be null for the embedded templates only.</summary>
    public TemplateSource(string? directory)
    {
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new InputException($"--templates {directory}: folder not found; pass a folder holding files named like the embedded templates (comment.md.sbn, summary.md.sbn, report.html.sbn, flamegraph.svg.sbn, assets/…)");
        }

        _directory = directory;
    }

    /// <summary>The embedded templates only.</summary>
    public static TemplateSource Embedded { get; } = new(null);

    /// <summary>The names of every embedded file (e.g. <c>comment.md.sbn</c>, <c>assets/report.js</c>).</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = [.. typeof(TemplateSource).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)];

    /// <summary>Reads a template or asset; <paramref name="displayPath"/> is what error messages cite.</summary>
    public string Read(string name, out string displayPath)
    {
        if (_directory is not null)
        {
            var path = Path.Combine(_directory, name);
            if (File.Exists(path))
            {
                displayPath = path;
                try
                {
                    return File.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InputException($"{path}: cannot read the template ({e.Message})");
                }
            }
        }

        displayPath = ResourcePrefix + name + " (embedded)";
        using var stream = typeof(TemplateSource).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"embedded template {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a template or asset.</summary>
    public string Read(string name) => Read(name, out _);
}
