using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Formats.Chrome;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>speedscope's Chrome import snapshots for the two .cpuprofile layouts: per-frame self/total in µs.</summary>
public sealed class SpeedscopeChromeConformanceTests
{
    private const string Snapshot = "jlfwong-speedscope/src/import/__snapshots__/chrome.test.ts.snap";

    [CorpusTheory]
    [InlineData("importFromChromeCPUProfile 1", "jlfwong-speedscope/sample/profiles/Chrome/65/simple.cpuprofile")]
    [InlineData("importFromV8Profiler Node 10 1", "jlfwong-speedscope/sample/profiles/node/10.11.0/example.cpuprofile")]
    public void Frame_weights_match_the_snapshot(string export, string file)
    {
        var expected = SpeedscopeSnapshot.Load(Paths.CorpusFile(Snapshot))[export];

        var profile = ProfileReader.Read(Paths.CorpusFile(file));

        Assert.Equal("chrome", profile.Metadata.Producer);
        Assert.Equal("wall/microseconds", profile.SampleTypes[profile.DefaultSampleType].ToString());
        // speedscope's key is name:file:line:col; the model keeps name, file and line.
        var actual = FunctionSummary.Compute(profile, profile.DefaultSampleType, f => $"{f.Name}:{f.File}:{f.Line}").Functions.ToDictionary(f => f.Name);
        var keys = expected.Frames.Select(f => f.Key[..f.Key.LastIndexOf(':')]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var frame in expected.Frames)
        {
            var key = frame.Key[..frame.Key.LastIndexOf(':')];
            Assert.Equal((key, frame.SelfWeight, frame.TotalWeight), (key, actual[key].Self, actual[key].Total));
        }
    }
}
