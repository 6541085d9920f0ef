using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>speedscope's pprof import snapshot: per-function self/total in the default sample type.</summary>
public sealed class SpeedscopePprofConformanceTests
{
    [CorpusFact]
    public void Frame_weights_match_the_snapshot()
    {
        var expected = SpeedscopeSnapshot.Load(Paths.CorpusFile("jlfwong-speedscope/src/import/__snapshots__/pprof.test.ts.snap"))["importAsPprofProfile 1"];

        var profile = ProfileReader.Read(Paths.CorpusFile("jlfwong-speedscope/sample/profiles/pprof/simple.prof"));

        // speedscope shows default_sample_type, else the last column: here cpu/nanoseconds.
        Assert.Equal("cpu/nanoseconds", profile.SampleTypes[profile.DefaultSampleType].ToString());
        var actual = FunctionSummary.Compute(profile, profile.DefaultSampleType).Functions.ToDictionary(f => f.Name);
        Assert.Equal(expected.Frames.Select(f => f.Name).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var frame in expected.Frames)
        {
            Assert.Equal((frame.Name, frame.SelfWeight, frame.TotalWeight), (frame.Name, actual[frame.Name].Self, actual[frame.Name].Total));
        }
    }
}
