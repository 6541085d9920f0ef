using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>Captures the console driver without and with the injected regression and checks the difference.</summary>
public sealed class BenchCaptureTests
{
    [Fact]
    public void SlowdownAndExtraAllocationDominateTheDifference()
    {
        var sample = SampleBuild.Instance;
        using var repo = new GitRepo();
        repo.Write("README", "sample");
        var sha = repo.Commit("base");

        var baseRun = ProfgateProcess.Run(repo.Path, ["capture", "--name", "bench", "-o", "sets/base", "--alloc", "--repeat", "2", "--timing-runs", "2", "--", "dotnet", sample.BenchDll, "30"], SampleBuild.Baseline);
        var headRun = ProfgateProcess.Run(repo.Path, ["capture", "--name", "bench", "-o", "sets/head", "--alloc", "--", "dotnet", sample.BenchDll, "30"], SampleBuild.Regressed);

        Assert.True(baseRun.ExitCode == 0, baseRun.StdErr);
        Assert.True(headRun.ExitCode == 0, headRun.StdErr);
        Assert.Contains("wrote ", baseRun.StdOut, StringComparison.Ordinal);
        var baseSet = ProfileSetReader.Read(Path.Combine(repo.Path, "sets/base"));
        var headSet = ProfileSetReader.Read(Path.Combine(repo.Path, "sets/head"));

        var manifest = baseSet.Manifest;
        Assert.Equal(sha, manifest.Commit);
        Assert.Equal("bench", manifest.Group);
        Assert.Equal("dotnet", manifest.Profiler);
        Assert.False(manifest.Failed);
        Assert.Equal(Environment.ProcessorCount, manifest.Environment.Cores);
        var scenario = Assert.Single(manifest.Scenarios);
        Assert.Equal("bench", scenario.Name);
        Assert.Equal(2, scenario.Runs.Length);
        Assert.All(scenario.Runs, r => Assert.True(r.Samples > 50 && r.WallMs > 0 && r.CpuMs > 0, $"{r}"));
        Assert.Equal(2, scenario.Timings.Length);
        Assert.All(scenario.Timings, t => Assert.True(t.WallMs > 0 && t.CpuMs > 0));
        Assert.True(scenario.UnresolvedShare < 0.02, $"unresolved share {scenario.UnresolvedShare}");
        Assert.All(Directory.GetFiles(Path.Combine(repo.Path, "sets/base"), "*.pb.gz"), f => Assert.StartsWith("bench.", Path.GetFileName(f), StringComparison.Ordinal));

        var cpu = Shares.LargestIncrease(Shares.Self(baseSet.Scenarios[0], "cpu"), Shares.Self(headSet.Scenarios[0], "cpu"));
        Assert.Equal("Sample.Lib.Checksum.Mix", cpu.Name);
        Assert.True(cpu.Delta > 0.15, $"Checksum.Mix grew by only {cpu.Delta:P1}");

        var bytes = Shares.LargestIncrease(Shares.Self(baseSet.Scenarios[0], "alloc_space"), Shares.Self(headSet.Scenarios[0], "alloc_space"));
        Assert.Equal("Sample.Lib.Formatter.Render", bytes.Name);
        Assert.True(bytes.Delta > 0.1, $"Formatter.Render's bytes grew by only {bytes.Delta:P1}");

        var top = ProfgateProcess.Run(repo.Path, "top", Path.Combine("sets/head", headSet.Manifest.Scenarios[0].Runs[0].File), "--sample-type", "alloc_space", "-n", "1");
        Assert.True(top.ExitCode == 0, top.StdErr);
        Assert.Contains("Sample.Lib.Formatter.Render", top.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void DotnetRunLeavesTheCliOut()
    {
        _ = SampleBuild.Instance;
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, ["capture", "-o", "set", "--", "dotnet", "run", "--project", Paths.InRepo("tests/samples/Sample.Bench"), "-c", "Release", "--no-build", "--", "10"], SampleBuild.Baseline);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var set = ProfileSetReader.Read(temp.File("set"));
        var scenario = Assert.Single(set.Scenarios);
        Assert.Equal("Sample.Bench", scenario.Name);
        var profile = Assert.Single(scenario.Runs);
        Assert.DoesNotContain(profile.Frames, f => f.Module is "dotnet" or "msbuild" || f.Name.StartsWith("Microsoft.DotNet.Cli", StringComparison.Ordinal) || f.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.Contains(profile.Frames, f => f.Name.StartsWith("Sample.Lib.Checksum.Mix", StringComparison.Ordinal));
    }
}
