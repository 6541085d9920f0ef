using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;

namespace ContinuousProfiler.Gate.Reports.Markdown;

/// <summary>The job summary for <c>$GITHUB_STEP_SUMMARY</c> (GitHub allows 1 MiB per step; the summary stays far below).</summary>
public static class SummaryRenderer
{
    /// <summary>The template's file name.</summary>
    public const string TemplateName = "summary.md.sbn";

    /// <summary>Renders the summary to <paramref name="output"/>.</summary>
    public static void Render(ReportInput input, TemplateSource source, TextWriter output)
    {
        var view = ReportViewBuilder.Build(input, ReportDialect.Markdown, ViewLimits.Full);
        TemplateRenderer.Render(source, TemplateName, new Dictionary<string, object?> { ["report"] = view }, output);
    }
}
