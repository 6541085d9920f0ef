using System.Globalization;

namespace Sample.Lib;

/// <summary>Generates deterministic CSV-like input lines.</summary>
public static class RecordSource
{
    public static string[] Lines(int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1_000_000)},{random.NextInt64(1, 10_000_000)},item-{random.Next(10_000)}");
        }

        return lines;
    }
}
