using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Reports;

/// <summary>The renderings profgate produces from one comparison.</summary>
public enum ReportFormat
{
    /// <summary>The PR comment (GitHub-flavoured Markdown, under 65,536 characters).</summary>
    Markdown,

    /// <summary>The job summary for <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    Summary,

    /// <summary>One self-contained interactive HTML file.</summary>
    Html,

    /// <summary>A static differential flame graph in head's shape.</summary>
    Svg,

    /// <summary>The same flame graph in base's shape (vanished code visible).</summary>
    SvgBase,

    /// <summary>Text for a terminal.</summary>
    Console,
}

/// <summary>Parses and names <see cref="ReportFormat"/> values as the CLI spells them.</summary>
public static class ReportFormats
{
    /// <summary>The names accepted by <c>--format</c>.</summary>
    public static readonly IReadOnlyList<string> Names = ["markdown", "summary", "html", "svg", "svg-base", "console"];

    /// <summary>Parses a <c>--format</c> value; throws <see cref="InputException"/> naming the valid values.</summary>
    public static ReportFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "markdown" or "md" or "comment" => ReportFormat.Markdown,
        "summary" => ReportFormat.Summary,
        "html" => ReportFormat.Html,
        "svg" => ReportFormat.Svg,
        "svg-base" => ReportFormat.SvgBase,
        "console" or "text" => ReportFormat.Console,
        _ => throw new InputException($"--format {name}: unknown report format; expected one of {string.Join(", ", Names)}"),
    };

    /// <summary>The usual file extension (without dot).</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Markdown or ReportFormat.Summary => "md",
        ReportFormat.Html => "html",
        ReportFormat.Svg or ReportFormat.SvgBase => "svg",
        _ => "txt",
    };
}
