using System.Runtime.CompilerServices;

namespace Sample.Lib;

/// <summary>The whole workload: generate, parse, checksum, sort, render.</summary>
public static class Pipeline
{
    /// <summary>Runs the pipeline once over <paramref name="count"/> records and returns a result digest.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong Run(int count, int seed = 42)
    {
        var lines = RecordSource.Lines(count, seed);
        var records = Parser.Parse(lines);
        var checksum = Checksum.Compute(records);
        var sorted = Sorter.Sort(records);
        var rendered = Formatter.Render(sorted);
        return checksum ^ (ulong)rendered ^ (ulong)sorted[0].Amount;
    }
}
