using ContinuousProfiler.Gate.Core;
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
    /// Renders to a file atomically (a temporary file beside it, then a rename), so a failed render never
    /// leaves a half-written report.
    /// </summary>
    public static void RenderToFile(ReportFormat format, ReportInput input, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                Render(format, input, writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InputException($"{path}: cannot write the report ({e.Message})");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
