using System.Diagnostics;
using ContinuousProfiler.Gate.Reports;

namespace ContinuousProfiler.Gate.Cli.Comparing;

/// <summary>
/// What <c>local</c> and <c>demo</c> show at the end: the console verdict and tables, then the HTML report
/// written to a file, its path, and (with <c>--open</c>) the report opened in the browser.
/// </summary>
internal static class ReportOutput
{
    /// <summary>Prints the console report, writes the HTML report to <paramref name="reportPath"/>, and opens it when asked.</summary>
    public static void Write(CliContext context, JudgedComparison judged, string group, string? title, string reportPath, bool open)
    {
        var input = new ReportInput(judged.Comparison, judged.Verdict) { Group = group, Title = title };
        context.Out.WriteLine();
        ReportRenderer.Render(ReportFormat.Console, input with { UseColor = context.UseColor }, context.Out);
        ReportRenderer.RenderToFile(ReportFormat.Html, input, reportPath);
        context.Out.WriteLine($"profgate: HTML report {reportPath}");
        if (open)
        {
            Open(context, reportPath);
        }
    }

    private static void Open(CliContext context, string path)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? null : "xdg-open";
        try
        {
            var info = opener is null ? new ProcessStartInfo(path) { UseShellExecute = true } : new ProcessStartInfo(opener, [path]) { UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is not null && process.WaitForExit(5000) && process.ExitCode != 0)
            {
                context.Error.WriteLine($"profgate: warning: {opener} could not open the report (exit {process.ExitCode}); open {path} yourself");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            context.Error.WriteLine($"profgate: warning: could not open the report ({opener ?? "the default browser"}: {e.Message}); open {path} yourself");
        }
    }
}
