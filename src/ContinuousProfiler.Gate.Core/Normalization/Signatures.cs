namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>
/// Argument lists are dropped: <c>HotApp.Work.HotFunction(int32)</c> → <c>HotApp.Work.HotFunction</c>.
/// Overloads merge, but the same function keeps one name whether the producer prints signatures
/// (EventPipe, perf maps, C++ symbols) or not (pprof, pyroscope, stackcollapse), and async methods
/// (whose MoveNext has no arguments) line up with their synchronous versions.
/// </summary>
internal static class Signatures
{
    private static readonly string[] Qualifiers = [" const", " volatile", " &&", " &", " noexcept"];

    /// <summary>Removes one trailing argument list (and C++ qualifiers after it), if there is one.</summary>
    public static string StripArguments(string name)
    {
        var end = name.Length;
        bool trimmed;
        do
        {
            trimmed = false;
            foreach (var q in Qualifiers)
            {
                if (end > q.Length && string.CompareOrdinal(name, end - q.Length, q, 0, q.Length) == 0)
                {
                    end -= q.Length;
                    trimmed = true;
                }
            }
        }
        while (trimmed);

        if (end == 0 || name[end - 1] != ')')
        {
            return name;
        }

        var open = Brackets.FindOpen(name[..end], end - 1);

        // A name that is all parentheses ("(anonymous)", "(garbage collector)") or a list after a
        // space ("Thread (12)") is not a signature; neither is Go's receiver "(*T)" (never last).
        if (open <= 0 || !EndsName(name[open - 1]))
        {
            return name;
        }

        // C++ "operator()(int)" keeps "operator()", and "operator()" stays as it is.
        return name.AsSpan(0, open).EndsWith("operator", StringComparison.Ordinal) ? name : name[..open];
    }

    // What a function name can end with right before its argument list; not ':' (node's
    // "file.js:(anonymous)") or a space ("Thread (12)").
    private static bool EndsName(char c) => char.IsLetterOrDigit(c) || c is '_' or '>' or ']' or ')' or '$' or '~' or '`';
}
