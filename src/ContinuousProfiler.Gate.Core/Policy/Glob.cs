using System.Text;

namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// A compiled glob for function, scenario and branch names. <c>*</c> matches any run of
/// characters, including none and including <c>.</c>, <c>!</c>, <c>/</c> and spaces (names are
/// not paths, so there is no separator it stops at); <c>?</c> matches exactly one character;
/// <c>\</c> makes the next character literal (<c>\*</c>, <c>\?</c>, <c>\\</c>), which Go names such
/// as <c>pkg.(*T).M</c> need. Matching is ordinal and case-sensitive, and covers the whole name.
/// </summary>
public sealed class Glob
{
    private const char AnyRun = '\uE000';
    private const char AnyOne = '\uE001';

    // The pattern with wildcards replaced by private-use markers, so escaped '*' stays literal.
    private readonly string _tokens;

    private Glob(string pattern, string tokens)
    {
        Pattern = pattern;
        _tokens = tokens;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Compiles a pattern; throws <see cref="FormatException"/> for a trailing lone backslash.</summary>
    public static Glob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    tokens.Append(pattern[++i]);
                    break;
                case '\\':
                    throw new FormatException($"glob '{pattern}' ends with a lone '\\'; write '\\\\' for a literal backslash");
                case '*':
                    // Runs of '*' behave like one.
                    if (tokens.Length == 0 || tokens[^1] != AnyRun)
                    {
                        tokens.Append(AnyRun);
                    }

                    break;
                case '?':
                    tokens.Append(AnyOne);
                    break;
                case AnyRun or AnyOne:
                    throw new FormatException($"glob '{pattern}' contains the reserved character U+{(int)c:X4}");
                default:
                    tokens.Append(c);
                    break;
            }
        }

        return new Glob(pattern, tokens.ToString());
    }

    /// <summary>True when <paramref name="name"/> matches the whole pattern.</summary>
    public bool IsMatch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var p = _tokens;
        int pi = 0, ni = 0, starP = -1, starN = 0;
        while (ni < name.Length)
        {
            if (pi < p.Length && (p[pi] == AnyOne || (p[pi] != AnyRun && p[pi] == name[ni])))
            {
                pi++;
                ni++;
            }
            else if (pi < p.Length && p[pi] == AnyRun)
            {
                // Remember the star and try to match it against nothing first.
                starP = pi++;
                starN = ni;
            }
            else if (starP >= 0)
            {
                pi = starP + 1;
                ni = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == AnyRun)
        {
            pi++;
        }

        return pi == p.Length;
    }

    /// <summary>The pattern as written.</summary>
    public override string ToString() => Pattern;
}
