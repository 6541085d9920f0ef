using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>The perf route: <c>perf record -e cpu-clock -g</c>, .NET code named through perf maps.</summary>
public sealed class PerfCaptureTests
{
    [PerfFact]
    public void PerfRouteNamesTheHotManagedFunction()
    {
        var sample = SampleBuild.Instance;
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, ["capture", "--profiler", "perf", "--name", "bench", "-o", "set", "--", "dotnet", sample.BenchDll, "20"], SampleBuild.Regressed);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var set = ProfileSetReader.Read(temp.File("set"));
        Assert.Equal("perf", set.Manifest.Profiler);
        var profile = Assert.Single(Assert.Single(set.Scenarios).Runs);
        var top = FunctionSummary.Compute(profile, profile.DefaultSampleType).Functions
            .Where(f => !f.Name.StartsWith('['))
            .MaxBy(f => f.Self)!;
        Assert.Contains("Sample.Lib.Checksum::Mix", top.Name, StringComparison.Ordinal);
    }
}
