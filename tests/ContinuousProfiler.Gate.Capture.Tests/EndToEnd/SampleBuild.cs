using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>Builds the sample (tests/samples) once per test run, in Release, without tracing.</summary>
public sealed class SampleBuild
{
    private static readonly Lazy<SampleBuild> Built = new(() => new SampleBuild());

    private SampleBuild()
    {
        foreach (var project in new[] { "tests/samples/Sample.Bench", "tests/samples/Sample.Lib.Tests", "tests/samples/Sample.Lib.V3Tests" })
        {
            var build = ProcessRunner.Run("dotnet", ["build", Paths.InRepo(project), "-c", "Release", "--nologo", "-v:q"], Paths.RepoRoot);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"building {project} failed:\n{build.StdOut}\n{build.StdErr}");
            }
        }
    }

    /// <summary>The built sample (built on first use).</summary>
    public static SampleBuild Instance => Built.Value;

    /// <summary>Sample.Bench.dll.</summary>
    public string BenchDll { get; } = Paths.InRepo("tests/samples/Sample.Bench/bin/Release/net10.0/Sample.Bench.dll");

    /// <summary>The test project folder (for <c>dotnet test … --no-build -c Release</c>).</summary>
    public string TestProject { get; } = Paths.InRepo("tests/samples/Sample.Lib.Tests");

    /// <summary>The xunit.v3 test executable (an apphost).</summary>
    public string V3TestsExe { get; } = Paths.InRepo("tests/samples/Sample.Lib.V3Tests/bin/Release/net10.0/Sample.Lib.V3Tests");

    /// <summary>The environment that injects the known regression.</summary>
    public static IDictionary<string, string?> Regressed => new Dictionary<string, string?> { ["PROFGATE_SAMPLE_REGRESS"] = "1" };

    /// <summary>The environment without it.</summary>
    public static IDictionary<string, string?> Baseline => new Dictionary<string, string?> { ["PROFGATE_SAMPLE_REGRESS"] = null, ["PROFGATE_SAMPLE_ALLOC_PCT"] = null };
}
