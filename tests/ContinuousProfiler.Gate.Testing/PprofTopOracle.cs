using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Testing;

/// <summary>
/// Runs the real <c>go tool pprof -top</c> on a file and parses its table, for conformance tests.
/// All nodes are kept (<c>-nodefraction=0</c>) and values are printed in the profile's own unit
/// (<c>-unit=&lt;unit&gt;</c> for time and byte units), so the printed numbers are exact integers.
/// </summary>
public static partial class PprofTopOracle
{
    /// <summary>pprof's table: the total and, per printed function name, flat and cum.</summary>
    public sealed record Table(double Total, IReadOnlyDictionary<string, (double Flat, double Cum)> Functions, string Raw);

    private static readonly HashSet<string> ScalableUnits = new(StringComparer.Ordinal)
    {
        "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes",
    };

    /// <summary>Runs pprof on <paramref name="path"/> for sample type <paramref name="sampleIndex"/> with unit <paramref name="unit"/>.</summary>
    public static Table Run(string path, int sampleIndex, string unit)
    {
        var tool = Requirements.PprofTool ?? throw new InvalidOperationException("go tool pprof is not installed: apt-get install -y golang-go");
        var args = new List<string> { "-top", "-symbolize=none", "-nodefraction=0", "-nodecount=100000000", $"-sample_index={sampleIndex}" };
        if (ScalableUnits.Contains(unit))
        {
            args.Add($"-unit={unit}");
        }

        args.Add(path);
        var result = ProcessRunner.Run(tool, args, environment: new Dictionary<string, string?> { ["PPROF_BINARY_PATH"] = "/nonexistent", ["HOME"] = Path.GetTempPath() });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pprof failed on {path} ({result.ExitCode}): {result.StdErr}");
        }

        return Parse(result.StdOut);
    }

    /// <summary>Parses pprof's <c>-top</c> text. Names lose pprof's " (inline)" / " (partial-inline)" markers.</summary>
    public static Table Parse(string text)
    {
        double? total = null;
        var functions = new Dictionary<string, (double Flat, double Cum)>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in text.Split('\n'))
        {
            if (!inTable)
            {
                var totalMatch = TotalLine().Match(line);
                if (totalMatch.Success)
                {
                    total = Number(totalMatch.Groups[1].Value);
                }

                inTable = line.TrimStart().StartsWith("flat", StringComparison.Ordinal);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var row = Row().Match(line);
            if (!row.Success)
            {
                throw new FormatException($"unexpected pprof -top row: '{line}'");
            }

            var name = InlineMarker().Replace(row.Groups[3].Value, string.Empty);
            var flat = Number(row.Groups[1].Value);
            var cum = Number(row.Groups[2].Value);
            functions[name] = functions.TryGetValue(name, out var previous) ? (previous.Flat + flat, previous.Cum + cum) : (flat, cum);
        }

        return new Table(total ?? throw new FormatException("pprof -top printed no total line:\n" + text), functions, text);
    }

    private static double Number(string printed)
    {
        var match = NumberPrefix().Match(printed);
        return match.Success
            ? double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new FormatException($"not a pprof number: '{printed}'");
    }

    [GeneratedRegex(@"of (\S+) total")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^\s*(\S+)\s+\S+\s+\S+\s+(\S+)\s+\S+  (.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@" \((partial-)?inline\)$")]
    private static partial Regex InlineMarker();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")]
    private static partial Regex NumberPrefix();
}
