using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Reports;

/// <summary>Everything a report is rendered from: the comparison, the verdict, links and presentation options.</summary>
/// <param name="Comparison">Base and head compared.</param>
/// <param name="Verdict">The gate's findings over <paramref name="Comparison"/>.</param>
public sealed record ReportInput(ComparisonResult Comparison, Verdict Verdict)
{
    /// <summary>Links to the HTML report artifact and the CI run.</summary>
    public ReportLinks Links { get; init; } = ReportLinks.None;

    /// <summary>The scenario group; the PR comment's marker carries it so each group updates its own comment.</summary>
    public string Group { get; init; } = "default";

    /// <summary>A title for the HTML and SVG reports, or null for the default.</summary>
    public string? Title { get; init; }

    /// <summary>A folder whose files replace the embedded templates of the same name, or null.</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>True to color console output (a terminal with <c>NO_COLOR</c> unset; see the CLI's <c>CliContext.UseColor</c>).</summary>
    public bool UseColor { get; init; }

    /// <summary>The scenario the SVG flame graph shows, or null to pick the one with the most severe finding.</summary>
    public string? Scenario { get; init; }

    /// <summary>The sample type name (e.g. <c>cpu</c>) the SVG flame graph shows, or null to pick.</summary>
    public string? SampleType { get; init; }

    /// <summary>The tool and version printed in reports.</summary>
    public string Generator { get; init; } = "profgate " + typeof(ReportInput).Assembly.GetName().Version?.ToString(3);
}

/// <summary>Links a report points to; null when unknown.</summary>
/// <param name="ReportUrl">The HTML report (e.g. the uploaded artifact).</param>
/// <param name="RunUrl">The CI run.</param>
public sealed record ReportLinks(string? ReportUrl, string? RunUrl)
{
    /// <summary>No links.</summary>
    public static readonly ReportLinks None = new(null, null);
}
