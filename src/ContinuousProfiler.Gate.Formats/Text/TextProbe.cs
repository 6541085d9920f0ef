using System.Text;

namespace ContinuousProfiler.Gate.Formats.Text;

/// <summary>
/// Decodes the first bytes of an input for content probes: honours a UTF-8/UTF-16 BOM, refuses binary
/// data, and returns the complete lines it holds (a line cut off by the end of the probe window is dropped
/// unless it is the only one).
/// </summary>
public static class TextProbe
{
    /// <summary>Decodes <paramref name="head"/> to text, or returns null when it looks binary.</summary>
    public static string? Decode(ReadOnlySpan<byte> head)
    {
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(head[2..(head.Length & ~1)]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..(head.Length & ~1)]);
        }
        else
        {
            text = Encoding.UTF8.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        }

        foreach (var c in text)
        {
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            {
                return null;
            }
        }

        return text;
    }

    /// <summary>The complete lines of the probe window, or an empty list for binary input.</summary>
    public static IReadOnlyList<string> Lines(ReadOnlySpan<byte> head)
    {
        var text = Decode(head);
        if (text is null)
        {
            return [];
        }

        var lines = text.Split('\n');
        var count = lines.Length == 1 ? 1 : lines.Length - 1;
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(lines[i].TrimEnd('\r'));
        }

        return result;
    }

    /// <summary>The first non-blank text of the probe window, trimmed of leading whitespace.</summary>
    public static string FirstContent(ReadOnlySpan<byte> head) => (Decode(head) ?? "").TrimStart();
}
