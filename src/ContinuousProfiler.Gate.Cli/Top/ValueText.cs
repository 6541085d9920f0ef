using System.Globalization;

namespace ContinuousProfiler.Gate.Cli.Top;

/// <summary>
/// Formats values of a pprof-style unit for people, all in one scale chosen from a reference value
/// (as pprof scales a whole table by its total): time in ns/us/ms/s, bytes in B/kB/MB/GB/TB (powers
/// of 1024, as pprof prints them), anything else as a plain number. Two decimals at most.
/// </summary>
internal sealed class ValueText
{
    private static readonly (string Suffix, double Scale)[] TimeSteps = [("s", 1e9), ("ms", 1e6), ("us", 1e3), ("ns", 1)];
    private static readonly (string Suffix, double Scale)[] ByteSteps =
        [("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("kB", 1L << 10), ("B", 1)];

    private readonly double _toBase;
    private readonly double _scale;
    private readonly string _suffix;

    private ValueText(double toBase, double scale, string suffix)
    {
        _toBase = toBase;
        _scale = scale;
        _suffix = suffix;
    }

    /// <summary>Picks the largest step not above <paramref name="reference"/> (e.g. the total) for <paramref name="unit"/>.</summary>
    public static ValueText For(string unit, double reference)
    {
        var (toBase, steps) = unit switch
        {
            "nanoseconds" or "ns" => (1.0, TimeSteps),
            "microseconds" or "us" => (1e3, TimeSteps),
            "milliseconds" or "ms" => (1e6, TimeSteps),
            "seconds" or "s" => (1e9, TimeSteps),
            "bytes" or "B" => (1.0, ByteSteps),
            _ => (1.0, [(string.Empty, 1.0)]),
        };
        var magnitude = Math.Abs(reference * toBase);
        foreach (var (suffix, scale) in steps)
        {
            if (magnitude >= scale)
            {
                return new ValueText(toBase, scale, suffix);
            }
        }

        return new ValueText(toBase, steps[^1].Scale, steps[^1].Suffix);
    }

    public string Format(double value) =>
        value == 0 ? "0" : (value * _toBase / _scale).ToString("0.##", CultureInfo.InvariantCulture) + _suffix;
}
