using System.Globalization;

namespace ContinuousProfiler.Gate.Formats.Folded;

/// <summary>
/// The folded-stack line syntax (<c>root;caller;leaf count</c>) as flamegraph.pl reads it: the count is
/// the last whitespace-separated token and matches <c>\d+(\.\d*)?</c>; frame names may contain spaces
/// but never <c>;</c>, and must not be empty.
/// </summary>
public static class FoldedSyntax
{
    /// <summary>Splits a line into its stack text and count; false when the line is not valid folded.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out ReadOnlySpan<char> stack, out double count)
    {
        stack = default;
        count = 0;
        line = line.TrimEnd();
        var split = line.LastIndexOfAny(' ', '\t');
        if (split <= 0)
        {
            return false;
        }

        var token = line[(split + 1)..];
        if (!IsCount(token))
        {
            return false;
        }

        // As flamegraph.pl's /^(.*)\s+?(\d+(?:\.\d*)?)$/: only the one separator before the count is
        // removed, so a frame named " " (which stackcollapse-perf can emit) survives.
        stack = line[..split].TrimStart();
        if (stack.IsEmpty || !double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out count) || !double.IsFinite(count))
        {
            return false;
        }

        foreach (var range in stack.Split(';'))
        {
            if (stack[range].IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats a count so that <see cref="TryParse"/> reads back the same double (no exponent, no sign).</summary>
    public static string FormatCount(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : ExpandExponent(text[..e], int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>Makes a frame name safe for one folded field: <c>;</c> becomes <c>:</c> (as collapsers do), line breaks become spaces.</summary>
    public static string EscapeFrame(string name) =>
        name.AsSpan().IndexOfAny(";\r\n") < 0
            ? name
            : name.Replace(';', ':').Replace('\r', ' ').Replace('\n', ' ');

    // "1.25E-07" -> "0.000000125": the same digits without an exponent, so the value parses back unchanged.
    private static string ExpandExponent(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var dot = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? unsigned : string.Concat(unsigned.AsSpan(0, dot), unsigned.AsSpan(dot + 1));
        var point = (dot < 0 ? unsigned.Length : dot) + exponent;
        string plain;
        if (point <= 0)
        {
            plain = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            plain = digits + new string('0', point - digits.Length);
        }
        else
        {
            plain = string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point));
        }

        return negative ? "-" + plain : plain;
    }

    private static bool IsCount(ReadOnlySpan<char> token)
    {
        var i = 0;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        if (i == token.Length)
        {
            return true;
        }

        if (token[i] != '.')
        {
            return false;
        }

        for (i++; i < token.Length; i++)
        {
            if (!char.IsAsciiDigit(token[i]))
            {
                return false;
            }
        }

        return true;
    }
}
