using System.Runtime.CompilerServices;

namespace Sample.Lib;

/// <summary>A deliberately CPU-heavy checksum over the records (the function the regression slows down).</summary>
public static class Checksum
{
    private static ulong _sink;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong Compute(Record[] records, int strength = 192)
    {
        strength = strength * (100 + Regression.ExtraChecksumPercent) / 100;
        var result = 0UL;
        for (var round = 0; round < Regression.ChecksumRounds; round++)
        {
            result = Mix(records, strength);
            _sink ^= result;
        }

        return result;
    }

    private static ulong Mix(Record[] records, int strength)
    {
        var hash = 1469598103934665603UL;
        foreach (var record in records)
        {
            var value = (ulong)record.Amount ^ ((ulong)record.Key << 32);
            for (var i = 0; i < strength; i++)
            {
                value ^= value >> 33;
                value *= 0xff51afd7ed558ccdUL;
                value ^= value >> 29;
            }

            hash = (hash ^ value) * 1099511628211UL;
        }

        return hash;
    }
}
