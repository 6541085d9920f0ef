using ContinuousProfiler.Gate.Reports;
using ContinuousProfiler.Gate.Reports.Json;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>The output formats of <c>profgate diff</c>, one line each (add a format here and nowhere else).</summary>
internal static class DiffFormats
{
    private static readonly (string Name, string Description, Action<DiffDocument, TextWriter> Render)[] Formats =
    [
        ("text", "the verdict and tables for a terminal", (d, w) => ReportRenderer.Render(ReportFormat.Console, d.Report, w)),
        ("json", "the verdict and every finding as JSON", (d, w) => VerdictJsonRenderer.Render(d.Comparison, d.Verdict, w)),
        ("folded-diff", "FlameGraph difffolded.pl two-count stacks (normalized names)", FoldedDiffOutput.Render),
        ("markdown", "the PR comment (GitHub Markdown, under 65,536 characters)", (d, w) => ReportRenderer.Render(ReportFormat.Markdown, d.Report, w)),
        ("summary", "the job summary for $GITHUB_STEP_SUMMARY", (d, w) => ReportRenderer.Render(ReportFormat.Summary, d.Report, w)),
        ("html", "one self-contained interactive report with a differential flame graph", (d, w) => ReportRenderer.Render(ReportFormat.Html, d.Report, w)),
        ("svg", "a static differential flame graph in head's shape", (d, w) => ReportRenderer.Render(ReportFormat.Svg, d.Report, w)),
        ("svg-base", "the same flame graph in base's shape (vanished code visible)", (d, w) => ReportRenderer.Render(ReportFormat.SvgBase, d.Report, w)),
    ];

    /// <summary>The format names, in the order shown in help.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Formats.Select(f => f.Name)];

    /// <summary>One line per format for the option's help.</summary>
    public static string Help => string.Join("; ", Formats.Select(f => $"{f.Name}: {f.Description}"));

    /// <summary>Renders <paramref name="document"/> as <paramref name="format"/>.</summary>
    public static void Render(string format, DiffDocument document, TextWriter output) =>
        Formats.Single(f => f.Name == format).Render(document, output);
}
