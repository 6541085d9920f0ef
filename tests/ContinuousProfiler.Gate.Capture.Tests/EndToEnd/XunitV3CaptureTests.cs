using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>An xunit.v3 test executable run directly: traced as a whole process, split per test.</summary>
public sealed class XunitV3CaptureTests
{
    [Fact]
    public void TestExecutableYieldsOneScenarioPerTestWithResolvedNames()
    {
        var sample = SampleBuild.Instance;
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, ["capture", "-o", "set", "--timing-runs", "1", "--", sample.V3TestsExe], SampleBuild.Baseline);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var set = ProfileSetReader.Read(temp.File("set"));
        Assert.Equal(["Sample.Lib.V3Tests.ChecksumTests.ChecksumIsStable", "Sample.Lib.V3Tests.PipelineTests.PipelineRunsOnTheThreadPool"], set.Manifest.Scenarios.Select(s => s.Name));
        Assert.All(set.Manifest.Scenarios, s =>
        {
            Assert.True(s.UnresolvedShare < 0.02, $"{s.Name}: unresolved {s.UnresolvedShare:P1}");
            Assert.Empty(s.Timings);
        });
        Assert.Equal("Sample.Lib.Checksum.Mix", Shares.Self(set.Scenarios[0], "cpu").MaxBy(s => s.Value).Key);
        Assert.Contains("Sample.Lib.Checksum.Mix", Shares.Self(set.Scenarios[1], "cpu").Keys);
    }
}
