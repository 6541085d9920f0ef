using System.Globalization;
using System.Text.Json;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary><c>profgate capture -- dotnet test</c> on the sample's xunit suite.</summary>
public sealed class DotnetTestCaptureTests(ITestOutputHelper output)
{
    private static readonly string[] Tests =
    [
        "Sample.Lib.Tests.ChecksumTests.ChecksumIsStable",
        "Sample.Lib.Tests.FormatterTests.RendersSortedRecords",
        "Sample.Lib.Tests.ParserTests.ParsesEveryLine",
        "Sample.Lib.Tests.PipelineTests.PipelineRunsOnTheThreadPool",
    ];

    [Fact]
    public void OneScenarioPerTestWithResolvedNamesAndRepeats()
    {
        var sample = SampleBuild.Instance;
        using var temp = new TempDir();

        var capture = ProfgateProcess.Run(temp.Path, ["capture", "-o", "set", "--repeat", "2", "--timing-runs", "1", "--", "dotnet", "test", sample.TestProject, "-c", "Release", "--no-build"], SampleBuild.Baseline);

        Assert.True(capture.ExitCode == 0, capture.StdErr);
        var set = ProfileSetReader.Read(temp.File("set"));
        Assert.Equal(Tests, set.Manifest.Scenarios.Select(s => s.Name));
        Assert.All(set.Manifest.Scenarios, s =>
        {
            Assert.Equal(2, s.Runs.Length);
            Assert.All(s.Runs, r => Assert.True(r.Samples > 10 && r.WallMs > 0, $"{s.Name}: {r}"));
            Assert.Single(s.Timings);
            Assert.True(s.UnresolvedShare < 0.05, $"{s.Name}: unresolved {s.UnresolvedShare:P1}");
        });
        Assert.Equal("0", set.Manifest.Environment.Settings["testhost.DOTNET_ReadyToRun"]);
        var unresolved = double.Parse(set.Manifest.Properties["capture.unresolvedShare"], CultureInfo.InvariantCulture);
        output.WriteLine($"unresolved share {unresolved:P2}, unattributed {set.Manifest.Properties["capture.unattributedShare"]}");
        Assert.True(unresolved < 0.02, $"unresolved share {unresolved:P2}");

        var checksum = set.Scenarios.Single(s => s.Name == Tests[0]);
        Assert.Equal("Sample.Lib.Checksum.Mix", Shares.Self(checksum, "cpu").MaxBy(s => s.Value).Key);
        var parser = Shares.Self(set.Scenarios.Single(s => s.Name == Tests[2]), "cpu");
        Assert.DoesNotContain("Sample.Lib.Checksum.Mix", parser.Keys);

        var file = Path.Combine(temp.File("set"), set.Manifest.Scenarios.Single(s => s.Name == Tests[0]).Runs[0].File);
        var top = ProfgateProcess.Run(temp.Path, "top", file, "--format", "json", "-n", "3");
        Assert.True(top.ExitCode == 0, top.StdErr);
        using var json = JsonDocument.Parse(top.StdOut);
        Assert.StartsWith("Sample.Lib.Checksum.Mix", json.RootElement.GetProperty("functions")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RegressedChecksumTestShowsTheSlowFunction()
    {
        var sample = SampleBuild.Instance;
        using var temp = new TempDir();
        string[] args = ["capture", "-o", "SET", "--", "dotnet", "test", sample.TestProject, "-c", "Release", "--no-build", "--filter", "FullyQualifiedName~ChecksumTests"];

        var baseRun = ProfgateProcess.Run(temp.Path, args.Select(a => a == "SET" ? "base" : a), SampleBuild.Baseline);
        var headRun = ProfgateProcess.Run(temp.Path, args.Select(a => a == "SET" ? "head" : a), SampleBuild.Regressed);

        Assert.True(baseRun.ExitCode == 0 && headRun.ExitCode == 0, baseRun.StdErr + headRun.StdErr);
        var baseSet = ProfileSetReader.Read(temp.File("base"));
        var headSet = ProfileSetReader.Read(temp.File("head"));
        Assert.Equal([Tests[0]], headSet.Manifest.Scenarios.Select(s => s.Name));
        var baseMix = Shares.Self(baseSet.Scenarios[0], "cpu")["Sample.Lib.Checksum.Mix"];
        var headMix = Shares.Self(headSet.Scenarios[0], "cpu")["Sample.Lib.Checksum.Mix"];
        output.WriteLine($"Checksum.Mix self share in ChecksumIsStable: base {baseMix:P1}, head {headMix:P1}");
        Assert.True(headMix > baseMix, $"base {baseMix:P1}, head {headMix:P1}");
        // The same work with a 3× slower Mix: more samples (CPU) in the test, not just a larger share.
        Assert.True(headSet.Manifest.Scenarios[0].Runs[0].Samples > baseSet.Manifest.Scenarios[0].Runs[0].Samples * 1.3, "the regressed test should take more samples");
    }
}
