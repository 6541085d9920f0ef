using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Reports.Terminal;
using ContinuousProfiler.Gate.Reports.Html;
using ContinuousProfiler.Gate.Reports.Markdown;
using ContinuousProfiler.Gate.Reports.Svg;
using ContinuousProfiler.Gate.Reports.Templates;

namespace ContinuousProfiler.Gate.Reports;

/// <summary>The one entry point the CLI uses: any report format from one comparison and verdict.</summary>
public static class ReportRenderer
{
    /// <summary>Renders <paramref name="input"/> as <paramref name="format"/> to <paramref name="output"/>.</summary>
    public static void Render(ReportFormat format, ReportInput input, TextWriter output)
    {
        var source = input.TemplatesDirectory is null ? TemplateSource.Embedded : new TemplateSource(input.TemplatesDirectory);
        switch (format)
        {
            case ReportFormat.Markdown:
                output.Write(CommentRenderer.Render(input, source));
                break;
            case ReportFormat.Summary:
                SummaryRenderer.Render(input, source, output);
                break;
            case ReportFormat.Html:
                HtmlReportRenderer.Render(input, source, output);
                break;
            case ReportFormat.Svg:
            case ReportFormat.SvgBase:
                SvgFlameRenderer.Render(input, source, output, baseShape: format == ReportFormat.SvgBase);
                break;
            case ReportFormat.Console:
                ConsoleReportRenderer.Render(input, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>
    /// Renders to a file atomically (see <see cref="AtomicFile"/>), so a failed render never leaves a
    /// half-written report.
    /// </summary>
    public static void RenderToFile(ReportFormat format, ReportInput input, string path) =>
        AtomicFile.WriteText(path, writer => Render(format, input, writer), "report");
}
