using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Pprof;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary><c>drop_frames</c>/<c>keep_frames</c> applied as google/pprof's Prune does.</summary>
public sealed class PprofDropFramesTests
{
    private static readonly string[] Strings = ["", "samples", "count", "main", "work", "prof_handler(int, siginfo*)", "sighandler", "prof_handler|sighandler", "sighandler", "(bad"];

    private static Profile Import(string[] samplesLeafFirst, long drop = 7, long keep = 0) =>
        new PprofImporter().Import(new MemoryStream(Encode(samplesLeafFirst, drop, keep)), "drop.pb");

    private static byte[] Encode(string[] samplesLeafFirst, long drop, long keep)
    {
        var w = new WireWriter();
        w.Message(1, t => t.Varint(1, 1).Varint(2, 2));
        for (var f = 1; f <= 4; f++)
        {
            var id = f;
            w.Message(5, m => m.Varint(1, id).Varint(2, id + 2));
            w.Message(4, l => l.Varint(1, id).Message(4, line => line.Varint(1, id)));
        }

        // Location 5: sighandler inlined into work.
        w.Message(4, l => l.Varint(1, 5).Message(4, line => line.Varint(1, 4)).Message(4, line => line.Varint(1, 2)));
        foreach (var sample in samplesLeafFirst)
        {
            var ids = sample.Split(' ').Select(long.Parse).ToArray();
            w.Message(2, s => s.Packed(1, ids).Unpacked(2, 1));
        }

        foreach (var s in Strings)
        {
            w.String(6, s);
        }

        w.Varint(7, drop).Varint(8, keep);
        return w.ToArray();
    }

    private static string[] Stacks(Profile profile) =>
        [.. profile.Samples.Select(s => string.Join(";", profile.StackOf(s).Select(f => f.Name))).Order(StringComparer.Ordinal)];

    [Fact]
    public void DropsTheFirstMatchingFrameAndItsCalleesAfterAUserFrame()
    {
        Assert.Equal(["main;work"], Stacks(Import(["4 3 2 1"])));
    }

    [Fact]
    public void MatchingFramesAtTheRootAreKept()
    {
        Assert.Equal(["prof_handler(int, siginfo*);work"], Stacks(Import(["2 3"])));
    }

    [Fact]
    public void AnInlinedMatchKeepsTheOuterLinesOfItsLocation()
    {
        Assert.Equal(["main;work"], Stacks(Import(["1 5 1"])));
    }

    [Fact]
    public void KeepFramesExemptsFromDropping()
    {
        Assert.Equal(["main;work", "main;work;sighandler"], Stacks(Import(["4 3 2 1", "4 2 1"], keep: 8)));
    }

    [Fact]
    public void WithoutDropFramesNothingIsRemoved()
    {
        Assert.Equal(["main;work;prof_handler(int, siginfo*);sighandler"], Stacks(Import(["4 3 2 1"], drop: 0)));
    }

    [PprofTheory]
    [InlineData(0L)]
    [InlineData(8L)]
    public void GoToolPprofPrunesTheSameWay(long keep)
    {
        string[] samples = ["4 3 2 1", "2 3", "1 5 1", "4 2 1", "3 1", "5"];
        var bytes = Encode(samples, drop: 7, keep);
        using var temp = new TempDir();
        var path = temp.File("drop.pb");
        File.WriteAllBytes(path, bytes);

        var oracle = PprofTopOracle.Run(path, 0, "count");
        var summary = FunctionSummary.Compute(new PprofImporter().Import(new MemoryStream(bytes), path), 0);
        Assert.Equal(oracle.Total, summary.Total);
        Assert.Equal(
            oracle.Functions.Where(f => f.Value != (0, 0)).Select(f => (f.Key, f.Value.Flat, f.Value.Cum)).Order(),
            summary.Functions.Select(f => (f.Name, f.Self, f.Total)).Order());
    }

    [Fact]
    public void AnInvalidExpressionIsAnInputError()
    {
        var error = Assert.Throws<InputException>(() => Import(["4 3 2 1"], drop: 9));
        Assert.StartsWith("drop.pb: the profile's drop_frames is not a valid regular expression", error.Message, StringComparison.Ordinal);
    }
}
