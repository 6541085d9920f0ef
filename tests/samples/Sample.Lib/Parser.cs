using System.Runtime.CompilerServices;

namespace Sample.Lib;

/// <summary>Parses input lines into records by hand (no allocations but the labels).</summary>
public static class Parser
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Record[] Parse(string[] lines)
    {
        var records = new Record[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            records[i] = ParseLine(lines[i]);
        }

        return records;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Record ParseLine(string line)
    {
        var span = line.AsSpan();
        var first = span.IndexOf(',');
        var second = first + 1 + span[(first + 1)..].IndexOf(',');
        var key = (int)Digits(span[..first]);
        var amount = Digits(span[(first + 1)..second]);
        return new Record(key, amount, line[(second + 1)..]);
    }

    private static long Digits(ReadOnlySpan<char> text)
    {
        long value = 0;
        foreach (var c in text)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
