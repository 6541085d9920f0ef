using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>speedscope's bg-flamegraph import snapshots: per-frame self/total weights agree.</summary>
public sealed class SpeedscopeFoldedConformanceTests
{
    private const string Snapshot = "jlfwong-speedscope/src/import/__snapshots__/bg-flamegraph.test.ts.snap";

    [CorpusTheory]
    [InlineData("importFromBGFlameGraph 1", "simple.txt")]
    [InlineData("importFromBGFlameGraph with CRLF 1", "simple-crlf.txt")]
    [InlineData("importFromBGFlameGraph with UTF-16, Little Endian 1", "simple-utf16-le.txt")]
    [InlineData("importFromBGFlameGraph with UTF-16, Big Endian 1", "simple-utf16-be.txt")]
    [InlineData("importFromBGFlameGraph with invalid lines 1", "simple-with-invalids.txt")]
    public void Frame_weights_match_the_snapshot(string export, string file)
    {
        var expected = SpeedscopeSnapshot.Load(Paths.CorpusFile(Snapshot))[export];
        Assert.Equal(file, expected.Name);

        var profile = ProfileReader.Read(Paths.CorpusFile("jlfwong-speedscope/sample/profiles/stackcollapse/" + file));

        var actual = FunctionSummary.Compute(profile, 0).Functions.ToDictionary(f => f.Name);
        Assert.Equal(expected.Frames.Select(f => f.Key).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var frame in expected.Frames)
        {
            Assert.Equal((frame.Key, frame.SelfWeight, frame.TotalWeight), (frame.Key, actual[frame.Key].Self, actual[frame.Key].Total));
        }

        Assert.IsType<FoldedImporter>(FormatRegistry.Importers.First(i => i.CanRead(File.ReadAllBytes(Paths.CorpusFile("jlfwong-speedscope/sample/profiles/stackcollapse/" + file)))));
    }
}
