using System.Globalization;

namespace ContinuousProfiler.Gate.Cli.Top;

/// <summary>
/// Renders a <see cref="TopReport"/> as a table in the manner of <c>go tool pprof -top</c>
/// (self, self%, running sum%, total, total%, name), with values scaled to readable units.
/// </summary>
internal static class TopTextRenderer
{
    public static void Render(TopReport report, TextWriter writer)
    {
        var values = ValueText.For(report.SampleType.Unit, report.Total);
        writer.Write(Invariant($"File: {Path.GetFileName(report.Source)}\n"));
        writer.Write(Invariant($"Type: {report.SampleType}\n"));
        var shown = report.Functions.Count;
        var by = report.ByTotal ? "total" : "self";
        writer.Write(Invariant($"Showing {shown} of {report.FunctionCount} functions by {by}, total {values.Format(report.Total)}\n"));
        writer.Write(Invariant($"{"self",10} {"self%",7} {"sum%",7} {"total",10} {"total%",7}  function\n"));
        var sum = 0.0;
        foreach (var function in report.Functions)
        {
            sum += function.Self;
            writer.Write(Invariant(
                $"{values.Format(function.Self),10} {Percent(function.Self, report.Total),7} {Percent(sum, report.Total),7} {values.Format(function.Total),10} {Percent(function.Total, report.Total),7}  {function.Name}\n"));
        }
    }

    private static string Percent(double value, double total) =>
        total == 0 ? "0%" : (value / total * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
