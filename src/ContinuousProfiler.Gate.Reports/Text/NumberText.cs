using System.Globalization;

namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>Every number a report shows, formatted once here (invariant culture, humanized units).</summary>
public static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The dash shown for a value that does not exist on one side.</summary>
    public const string Absent = "—";

    /// <summary>A whole count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>A share (fraction 0–1) as a percentage: <c>12.34%</c>, <c>0.042%</c>, <c>&lt;0.001%</c>.</summary>
    public static string Share(double fraction)
    {
        var percent = fraction * 100;
        return percent switch
        {
            0 => "0%",
            < 0.001 and > -0.001 => "<0.001%",
            < 0.1 and > -0.1 => percent.ToString("0.000", Invariant) + "%",
            _ => percent.ToString("0.00", Invariant) + "%",
        };
    }

    /// <summary>A share, or the dash when the function is absent on that side.</summary>
    public static string ShareOrAbsent(double fraction, bool absent) => absent ? Absent : Share(fraction);

    /// <summary>A signed difference in share points: <c>+1.50 pts</c>.</summary>
    public static string Points(double points) =>
        Sign(points) + Math.Abs(points).ToString(Math.Abs(points) < 0.1 ? "0.000" : "0.00", Invariant) + " pts";

    /// <summary>A signed relative change: <c>+12.4%</c>, <c>-3.0%</c>, <c>+250%</c>.</summary>
    public static string Change(double relative)
    {
        var percent = relative * 100;
        var magnitude = Math.Abs(percent);
        var format = magnitude >= 100 ? "#,0" : magnitude >= 0.05 ? "0.0" : "0.00";
        var text = magnitude.ToString(format, Invariant);
        return (text.Trim('0', '.', ',').Length == 0 ? "±" : Sign(percent)) + text + "%";
    }

    /// <summary>A relative change with its interval: <c>+12.4% [+9.1%, +15.8%]</c>.</summary>
    public static string ChangeWithInterval(double relative, double low, double high) =>
        double.IsNaN(low) || double.IsNaN(high)
            ? Change(relative)
            : $"{Change(relative)} [{Change(low)}, {Change(high)}]";

    /// <summary>A threshold as <c>+10%</c>.</summary>
    public static string Threshold(double relative) => "+" + (relative * 100).ToString("0.#", Invariant) + "%";

    /// <summary>Milliseconds humanized: <c>0.42 ms</c>, <c>812 ms</c>, <c>1.23 s</c>, <c>2 min 05 s</c>.</summary>
    public static string Milliseconds(double ms)
    {
        var magnitude = Math.Abs(ms);
        var sign = ms < 0 ? "-" : "";
        return magnitude switch
        {
            < 10 => sign + magnitude.ToString("0.00", Invariant) + " ms",
            < 1000 => sign + magnitude.ToString("0", Invariant) + " ms",
            < 60_000 => sign + (magnitude / 1000).ToString("0.00", Invariant) + " s",
            _ => sign + ((long)(magnitude / 60_000)).ToString(Invariant) + " min "
                + ((long)(magnitude % 60_000 / 1000)).ToString("00", Invariant) + " s",
        };
    }

    /// <summary>Bytes humanized (1024-based): <c>512 B</c>, <c>1.5 KB</c>, <c>12.3 MB</c>.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        var magnitude = Math.Abs(bytes);
        var unit = 0;
        while (magnitude >= 1024 && unit < units.Length - 1)
        {
            magnitude /= 1024;
            unit++;
        }

        var text = unit == 0 ? magnitude.ToString("0", Invariant) : magnitude.ToString(magnitude < 10 ? "0.00" : magnitude < 100 ? "0.0" : "0", Invariant);
        return (bytes < 0 ? "-" : "") + text + " " + units[unit];
    }

    /// <summary>A value in a profile unit humanized: time units as ms/s, bytes as MB, counts as plain numbers.</summary>
    public static string Quantity(double value, string unit) => unit switch
    {
        "nanoseconds" => Milliseconds(value / 1e6),
        "microseconds" => Milliseconds(value / 1e3),
        "milliseconds" => Milliseconds(value),
        "seconds" => Milliseconds(value * 1e3),
        "bytes" => Bytes(value),
        "count" or "" => Count((long)Math.Round(value)),
        _ => value.ToString("#,0.##", Invariant) + " " + unit,
    };

    private static string Sign(double value) => value < 0 ? "-" : "+";
}
