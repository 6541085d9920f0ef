namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>
/// A small hand-encoded pprof profile used by several tests: strings, two sample types, one
/// mapping, functions main/work/inner and a location with an inlined pair of lines.
/// </summary>
internal static class PprofTestFiles
{
    // String table indexes.
    public const int Samples = 1, Count = 2, Cpu = 3, Nanoseconds = 4, Main = 5, Work = 6, Inner = 7, MainGo = 8, App = 9;

    public static readonly string[] Strings = ["", "samples", "count", "cpu", "nanoseconds", "main.main", "main.work", "main.inner", "main.go", "/usr/bin/app"];

    /// <summary>Writes the common header: string table, sample types, mapping and functions.</summary>
    public static WireWriter Header(string[]? strings = null)
    {
        var w = new WireWriter();
        w.Message(1, t => t.Varint(1, Samples).Varint(2, Count));
        w.Message(1, t => t.Varint(1, Cpu).Varint(2, Nanoseconds));
        w.Message(3, m => m.Varint(1, 1).Varint(5, App).Varint(7, 1));
        w.Message(5, f => f.Varint(1, 1).Varint(2, Main).Varint(4, MainGo));
        w.Message(5, f => f.Varint(1, 2).Varint(2, Work).Varint(4, MainGo));
        w.Message(5, f => f.Varint(1, 3).Varint(2, Inner).Varint(4, MainGo));
        foreach (var s in strings ?? Strings)
        {
            w.String(6, s);
        }

        return w;
    }

    /// <summary>Location 1: main (line 10). Location 2: inner inlined into work (lines 30, 20).</summary>
    public static WireWriter Locations(WireWriter w)
    {
        w.Message(4, l => l.Varint(1, 1).Varint(2, 1).Varint(3, 0x1000).Message(4, line => line.Varint(1, 1).Varint(2, 10)));
        w.Message(4, l => l.Varint(1, 2).Varint(2, 1).Varint(3, 0x2000)
            .Message(4, line => line.Varint(1, 3).Varint(2, 30))
            .Message(4, line => line.Varint(1, 2).Varint(2, 20)));
        return w;
    }
}
