using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>Built-in rules for V8/Node and other script runtimes, whose names carry source positions.</summary>
internal static partial class ScriptNames
{
    /// <summary>The name V8 gives functions without one.</summary>
    public const string Anonymous = "(anonymous)";

    /// <summary>
    /// V8 perf-map names: <c>LazyCompile:~foo /app/x.js:12:5</c> or <c>JS:*foo file:///x.mjs:3:1</c> →
    /// <c>foo</c>; an empty name becomes <c>(anonymous) x.js</c> so anonymous functions of different
    /// files stay apart without the positions that move on every edit. Returns the name unchanged otherwise.
    /// </summary>
    public static string V8PerfName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiDigit(name[^1]) || !name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var m = V8Perf().Match(name);
        if (!m.Success || (!m.Groups["kind"].Success && !ScriptFile().IsMatch(m.Groups["file"].Value)))
        {
            return name;
        }

        var function = m.Groups["name"].Value;
        return function.Length == 0 || function == Anonymous ? Anonymous + " " + FileName(m.Groups["file"].Value) : function;
    }

    /// <summary>
    /// <c>file:function:line</c> names (pyroscope's Node.js agent, Austin for Python):
    /// <c>./build/index.js:handler:26</c> → <c>./build/index.js:handler</c>.
    /// </summary>
    public static string StripLine(string name) =>
        name.Length > 0 && char.IsAsciiDigit(name[^1]) && name.Contains(':', StringComparison.Ordinal)
            ? FileFunctionLine().Replace(name, "${file}:${name}")
            : name;

    /// <summary>An anonymous function of a known file: <c>(anonymous) x.js</c>; null when not anonymous or no file.</summary>
    public static string? AnonymousIn(string name, string? file) =>
        (name.Length == 0 || name == Anonymous || name == "anonymous") && !string.IsNullOrEmpty(file)
            ? Anonymous + " " + FileName(file)
            : null;

    private static string FileName(string path)
    {
        var cut = path.LastIndexOfAny(['/', '\\']);
        return cut >= 0 ? path[(cut + 1)..] : path;
    }

    [GeneratedRegex(@"^(?:(?<kind>LazyCompile|Function|JS|Script|Eval|Builtin|RegExp|InterpretedFunction|Baseline|Maglev|Turbofan|Sparkplug):)?[~*^+]?(?<name>\S*) (?<file>\S+?):\d+(?::\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex V8Perf();

    [GeneratedRegex(@"\.(?:js|mjs|cjs|ts|mts|cts|jsx|tsx)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptFile();

    [GeneratedRegex(@"^(?<file>(?:node:)?[^:]*):(?<name>(?!\d+$)[^:]+):\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex FileFunctionLine();
}
