using System.Text;

namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>
/// Prepares user-controlled names (functions, scenarios) for display in any format: control characters
/// become spaces, long names are shortened in the middle (the method at the end matters most), and
/// <c>@</c>/<c>#</c> get a zero-width joiner (see <see cref="Neutralize"/>) so GitHub cannot turn <c>@user</c> or <c>#123</c> into a mention
/// or a link (an HTML entity would not help: GitHub decodes before it links).
/// </summary>
public static class NameText
{
    /// <summary>The invisible character placed after <c>@</c> and <c>#</c>.</summary>
    public const char Joiner = '\u200D';

    /// <summary>Shown for an empty name.</summary>
    public const string Empty = "(empty)";

    /// <summary>Control characters replaced, shortened to <paramref name="maxLength"/> UTF-16 units, never splitting a surrogate pair.</summary>
    public static string Clean(string name, int maxLength = int.MaxValue)
    {
        if (name.Length == 0)
        {
            return Empty;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        var clean = builder.ToString();
        return clean.Length <= maxLength ? clean : Shorten(clean, maxLength);
    }

    /// <summary><see cref="Clean"/>, then <c>@</c> and <c>#</c> neutralized.</summary>
    public static string Inert(string name, int maxLength = int.MaxValue) => Neutralize(Clean(name, maxLength));

    /// <summary>
    /// Puts the joiner after every <c>@</c> and <c>#</c>, and into <c>&lt;!--</c> so a name can never spell
    /// the PR comment's marker.
    /// </summary>
    public static string Neutralize(string text)
    {
        if (text.Contains("<!--", StringComparison.Ordinal))
        {
            text = text.Replace("<!--", "<" + Joiner + "!--", StringComparison.Ordinal);
        }

        if (text.IndexOfAny(['@', '#']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c);
            if (c is '@' or '#')
            {
                builder.Append(Joiner);
            }
        }

        return builder.ToString();
    }

    private static string Shorten(string text, int maxLength)
    {
        var keep = Math.Max(2, maxLength - 1);
        var head = Math.Max(1, keep / 3);
        var tail = keep - head;
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        var tailStart = text.Length - tail;
        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }

        return string.Concat(text.AsSpan(0, head), "…", text.AsSpan(tailStart));
    }
}
