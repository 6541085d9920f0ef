using System.Text;

namespace ContinuousProfiler.Gate.Reports.Text;

/// <summary>
/// GitHub-flavoured Markdown escaping. Names go into code spans (inert for Markdown and HTML), with a
/// fence longer than any backtick run inside; in table cells <c>|</c> is escaped because GFM splits rows
/// before it parses code spans.
/// </summary>
public static class MarkdownText
{
    private const string EscapedInProse = "\\`*_[]<>&|~!";

    /// <summary>A code span for a name outside tables.</summary>
    public static string Code(string name, int maxLength = int.MaxValue) => Fence(NameText.Inert(name, maxLength));

    /// <summary>A code span for a name inside a table cell.</summary>
    public static string CodeInCell(string name, int maxLength = int.MaxValue) => EscapePipes(Code(name, maxLength));

    /// <summary>
    /// Plain prose (a notice, an environment difference): Markdown punctuation escaped, @/# neutralized.
    /// Safe in table cells too, because the escaped backslash and pipe survive GFM's pipe unescaping.
    /// </summary>
    public static string Prose(string text, int maxLength = int.MaxValue)
    {
        var clean = NameText.Inert(text, maxLength);
        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            if (EscapedInProse.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A fence for a fenced code block that none of <paramref name="lines"/> can close.</summary>
    public static string CodeBlockFence(IEnumerable<string> lines)
    {
        var longest = lines.Select(l => LongestRun(l, '`')).DefaultIfEmpty(0).Max();
        return new string('`', Math.Max(3, longest + 1));
    }

    private static string Fence(string content)
    {
        var fence = new string('`', LongestRun(content, '`') + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') || content.StartsWith(' ') || content.EndsWith(' ') ? " " : "";
        return fence + pad + content + pad + fence;
    }

    private static string EscapePipes(string cell)
    {
        if (!cell.Contains('|', StringComparison.Ordinal))
        {
            return cell;
        }

        var builder = new StringBuilder(cell.Length + 8);
        foreach (var c in cell)
        {
            if (c == '|')
            {
                // A backslash right before the pipe would escape our escape; a zero-width space keeps them apart.
                if (builder.Length > 0 && builder[^1] == '\\')
                {
                    builder.Append('\u200B');
                }

                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
