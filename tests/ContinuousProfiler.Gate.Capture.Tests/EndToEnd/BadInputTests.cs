using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>Every way capture cannot proceed: one line, exit 2, and no half-written set.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void CommandNotFound()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "-o", "set", "--", "no-such-program-profgate", "x");

        AssertOneLineError(result, "profgate: command not found: no-such-program-profgate (not on PATH)");
        AssertNoSet(temp);
    }

    [Fact]
    public void FailingCommandWithoutSamplesLeavesNoSet()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "dotnet", "-o", "set", "--", "sh", "-c", "exit 3");

        AssertOneLineError(result, "profgate: profiled command failed (exit 3); it produced no samples, so no ProfileSet was written");
        AssertNoSet(temp);
    }

    [Fact]
    public void FailingDotnetProgramKeepsItsProfiles()
    {
        var sample = SampleBuild.Instance;
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, ["capture", "-o", "set", "--", "dotnet", sample.BenchDll, "10", "fail"], SampleBuild.Baseline);

        AssertOneLineError(result, "profgate: profiled command failed (exit 3)");
        var set = ProfileSetReader.Read(temp.File("set"));
        Assert.True(set.Manifest.Failed);
        Assert.Equal(3, set.Manifest.ExitCode);
        Assert.True(Assert.Single(set.Scenarios).Runs[0].Total(0) > 0);
    }

    [Fact]
    public void NoSamples()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "dotnet", "-o", "set", "--", "true");

        AssertOneLineError(result, "profgate: the command produced no managed CPU samples");
        AssertNoSet(temp);
    }

    [PerfFact]
    public void PerfRunWithoutSamples()
    {
        using var temp = new TempDir();

        // 'true' is usually over before perf's first cpu-clock tick; under load it may get one, and then a set is right.
        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "perf", "-o", "set", "--", "true");

        if (result.ExitCode == 0)
        {
            Assert.True(ProfileSetReader.Read(temp.File("set")).Scenarios[0].Runs[0].Total(0) > 0);
            return;
        }

        AssertOneLineError(result, "profgate: perf recorded no samples for scenario 'true' in 1 run(s); expected at least one cpu-clock sample: give the command more work");
        AssertNoSet(temp);
    }

    [Fact]
    public void OutputBlockedByAFile()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("blocker"), "x");

        var result = ProfgateProcess.Run(temp.Path, "capture", "-o", "blocker/set", "--", "true");

        AssertOneLineError(result, "profgate: --out blocker/set: cannot write there");
        Assert.Equal("x", File.ReadAllText(temp.File("blocker")));
    }

    [Fact]
    public void OutputFolderThatIsNotASet()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("docs"));
        File.WriteAllText(temp.File("docs/keep.txt"), "mine");

        var result = ProfgateProcess.Run(temp.Path, "capture", "-o", "docs", "--", "true");

        AssertOneLineError(result, "profgate: --out docs: the folder exists and is not a ProfileSet");
        Assert.Equal("mine", File.ReadAllText(temp.File("docs/keep.txt")));
    }

    [Fact]
    public void PerfMissing()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, ["capture", "--profiler", "perf", "-o", "set", "--", "true"], new Dictionary<string, string?> { ["PROFGATE_PERF"] = "/nonexistent/perf" });

        AssertOneLineError(result, "profgate: perf not found: --profiler perf needs Linux perf");
        AssertNoSet(temp);
    }

    [Fact]
    public void FilesWithoutCollect()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "files", "-o", "set", "--", "true");

        AssertOneLineError(result, "profgate: --profiler files needs --collect GLOB");
        AssertNoSet(temp);
    }

    [Fact]
    public void NoCommand()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "-o", "set");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("profgate: ", result.StdErr, StringComparison.Ordinal);
        AssertNoSet(temp);
    }

    private static void AssertOneLineError(ProcessRunner.Result result, string prefix)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
    }

    private static void AssertNoSet(TempDir temp)
    {
        Assert.False(Directory.Exists(temp.File("set")), "a set was written");
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*"));
    }
}
