using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>
/// The line patterns of <c>stackcollapse-perf.pl</c>, written with ASCII classes so they match exactly what
/// the Perl script matches on undecoded bytes (\s = [ \t\n\r\f\v], \d = [0-9], \w = [A-Za-z0-9_]).
/// </summary>
internal static partial class PerfScriptSyntax
{
    /// <summary><c>/^(\S.+?)\s+(\d+)\/*(\d+)*\s+/</c>: comm (shortest, may hold spaces), then PID or TID, then optional /TID.</summary>
    [GeneratedRegex(@"^([^ \t\n\r\f\v].+?)[ \t\n\r\f\v]+([0-9]+)/*([0-9]+)*[ \t\n\r\f\v]+", RegexOptions.CultureInvariant)]
    public static partial Regex EventStart();

    /// <summary><c>/:\s*(\d+)*\s+(\S+):\s*$/</c>: the optional period and the event name, which must end the line.</summary>
    [GeneratedRegex(@":[ \t\n\r\f\v]*([0-9]+)*[ \t\n\r\f\v]+([^ \t\n\r\f\v]+):[ \t\n\r\f\v]*$", RegexOptions.CultureInvariant)]
    public static partial Regex PeriodAndEvent();

    /// <summary>The <c>seconds.micros:</c> timestamp (not used by the collapse; kept for consumers that order samples).</summary>
    [GeneratedRegex(@"[ \t]([0-9]+\.[0-9]+):(?:[ \t]|$)", RegexOptions.CultureInvariant)]
    public static partial Regex Timestamp();

    /// <summary><c>/^\s*(\w+)\s*(.+) \((.*)\)/</c>: address, symbol, and the module in the last parentheses.</summary>
    [GeneratedRegex(@"^[ \t\n\r\f\v]*([A-Za-z0-9_]+)[ \t\n\r\f\v]*(.+) \((.*)\)", RegexOptions.CultureInvariant)]
    public static partial Regex FrameLine();

    /// <summary><c>s/\+0x[\da-f]+$//</c>: the symbol offset perf ≥ 4.8 prints.</summary>
    [GeneratedRegex(@"\+0x[0-9a-f]+$", RegexOptions.CultureInvariant)]
    public static partial Regex SymbolOffset();

    /// <summary><c>m/\.\(.*\)\./</c>: a Go method name such as <c>net/http.(*Client).Do</c>.</summary>
    [GeneratedRegex(@"\.\(.*\)\.", RegexOptions.CultureInvariant)]
    public static partial Regex GoMethod();

    /// <summary><c>s/\((?!anonymous namespace\)).*//</c>: an argument list and everything after it.</summary>
    [GeneratedRegex(@"\((?!anonymous namespace\)).*", RegexOptions.CultureInvariant)]
    public static partial Regex ArgumentList();

    /// <summary><c>m:/tmp/perf-\d+\.map:</c>: a perf map file written by a JIT.</summary>
    [GeneratedRegex(@"/tmp/perf-[0-9]+\.map", RegexOptions.CultureInvariant)]
    public static partial Regex JitMap();
}
