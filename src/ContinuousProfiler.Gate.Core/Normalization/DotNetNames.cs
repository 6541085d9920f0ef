using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>Built-in rules for .NET frame names (EventPipe/TraceEvent, perf maps, PerfView, pyroscope).</summary>
internal static partial class DotNetNames
{
    /// <summary>
    /// PerfView/TraceEvent synthetic frames whose text carries ids: <c>Thread (123) CPU=9ms</c> → <c>Thread</c>,
    /// <c>Process64 dotnet (456) Args: …</c> → <c>Process dotnet</c>. Returns null for other names.
    /// </summary>
    public static string? PseudoFrame(string name)
    {
        if (!name.StartsWith("Thread (", StringComparison.Ordinal) && !name.StartsWith("Process", StringComparison.Ordinal))
        {
            return null;
        }

        if (ThreadFrame().IsMatch(name))
        {
            return "Thread";
        }

        var process = ProcessFrame().Match(name);
        return process.Success ? "Process " + process.Groups["name"].Value : null;
    }

    /// <summary>
    /// A perf-map name <c>float64 [HotApp] HotApp.Work::HotFunction(int32)[OptimizedTier1]</c> becomes
    /// <c>HotApp!HotApp.Work.HotFunction(int32)[OptimizedTier1]</c>, the shape EventPipe names have.
    /// </summary>
    public static string PerfMap(string name)
    {
        if (!name.Contains("] ", StringComparison.Ordinal) || !name.Contains("::", StringComparison.Ordinal))
        {
            return name;
        }

        var m = PerfMapName().Match(name);
        return m.Success ? m.Groups["module"].Value + "!" + m.Groups["method"].Value.Replace("::", ".", StringComparison.Ordinal) : name;
    }

    /// <summary>Removes JIT-tier decorations: <c>[OptimizedTier1]</c>, <c>[QuickJitted]</c>, <c>[PreJit-cold]</c>, ….</summary>
    public static string StripTier(string name) => name.EndsWith(']') ? TierSuffix().Replace(name, "") : name;

    /// <summary>A perf-map stub counter: <c>stub&lt;12&gt; StubPrecode</c> → <c>stub StubPrecode</c>.</summary>
    public static string StripStubCounter(string name) =>
        name.StartsWith("stub<", StringComparison.Ordinal) ? StubCounter().Replace(name, "stub ") : name;

    /// <summary>
    /// Compiler-generated names back to the source method: async and iterator state machines
    /// (<c>Type+&lt;M&gt;d__5.MoveNext</c> → <c>Type.M</c>), lambdas and display classes
    /// (<c>Type+&lt;&gt;c__DisplayClass3_0.&lt;Run&gt;b__0</c> → <c>Type.Run.lambda</c>), local functions
    /// (<c>Type.&lt;Run&gt;g__Local|3_0</c> → <c>Type.Run.Local</c>), generic arity and instantiation
    /// (<c>List`1[System.__Canon]</c> → <c>List</c>), nested-type <c>+</c> → <c>.</c>.
    /// </summary>
    public static string CompilerGenerated(string name)
    {
        if (name.Contains('<', StringComparison.Ordinal))
        {
            name = ClosureClass().Replace(name, "");
            name = StateMachineMoveNext().Replace(name, "${name}");
            name = StateMachine().Replace(name, "${name}");
            name = LocalFunction().Replace(name, "${name}.${local}");
            name = Lambda().Replace(name, "${name}.lambda");
        }

        if (name.Contains('`', StringComparison.Ordinal))
        {
            name = StripArity(name);
        }

        return name.Contains('+', StringComparison.Ordinal) ? NestedType().Replace(name, ".") : name;
    }

    // `1 and its instantiation ([...] or <...>), which TraceEvent writes either right after the
    // arity or after the nested type: "Dictionary`2+Enumerator[System.__Canon,System.Int32]".
    private static string StripArity(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        var pending = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '`' && i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
            {
                while (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                {
                    i++;
                }

                pending = true;
                continue;
            }

            if (pending && c is '[' or '<')
            {
                var end = Brackets.FindClose(name, i);
                if (end > 0)
                {
                    i = end;
                    pending = false;
                    continue;
                }
            }

            if (c is '.' or '(' or ':')
            {
                pending = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^Thread \(\d+\)(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadFrame();

    [GeneratedRegex(@"^Process(?:32|64)? (?<name>.*?) \(\d+\)(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessFrame();

    [GeneratedRegex(@"^(?:.*? )?\[(?<module>[^\[\]\s]+)\] (?<method>[^\s\[\]].*::.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PerfMapName();

    [GeneratedRegex(@"\[(?:[A-Za-z0-9]*(?:Tier|Jit|JIT|Optimized|ReadyToRun|Instrumented|Interpreted)[A-Za-z0-9]*(?:-cold)?|Unknown)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex TierSuffix();

    [GeneratedRegex(@"^stub<\d+> ", RegexOptions.CultureInvariant)]
    private static partial Regex StubCounter();

    [GeneratedRegex(@"<>c(?:__DisplayClass\d+_\d+)?(?:`\d+)?(?:<[^<>]*>)?[.+:]+", RegexOptions.CultureInvariant)]
    private static partial Regex ClosureClass();

    [GeneratedRegex(@"<(?<name>(?:[^<>]|<[^<>]*>)+)>d(?:__\d+)?(?:`\d+)?(?:<[^<>]*>)?[.:]+MoveNext(?:Async)?(?![\w`])", RegexOptions.CultureInvariant)]
    private static partial Regex StateMachineMoveNext();

    [GeneratedRegex(@"<(?<name>(?:[^<>]|<[^<>]*>)+)>d__\d+", RegexOptions.CultureInvariant)]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"<(?<name>[^<>]+)>g__(?<local>[A-Za-z0-9_]+)\|[0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex LocalFunction();

    [GeneratedRegex(@"<(?<name>[^<>]+)>b__[0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Lambda();

    [GeneratedRegex(@"(?<=[A-Za-z0-9_>\]])\+(?=[A-Za-z_<])", RegexOptions.CultureInvariant)]
    private static partial Regex NestedType();
}
