using System.Diagnostics;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Demo;

/// <summary>
/// The sample the repository ships (tests/samples/Sample.Bench): found in the clone around the current
/// folder or around profgate itself, and built once in Release, untraced.
/// </summary>
internal static class DemoSample
{
    /// <summary>The sample project, relative to the clone's root.</summary>
    public const string Project = "tests/samples/Sample.Bench/Sample.Bench.csproj";

    /// <summary>The variable that injects the sample's regression (see tests/samples/Sample.Lib/Regression.cs).</summary>
    public const string RegressVariable = "PROFGATE_SAMPLE_REGRESS";

    /// <summary>The variable that injects only extra allocation (cleared on both sides).</summary>
    public const string AllocationVariable = "PROFGATE_SAMPLE_ALLOC_PCT";

    /// <summary>The clone's root folder.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, Project)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InputException($"demo: cannot find the sample ({Project}) above the current folder or profgate's own folder; run the demo from a clone of the profgate repository: dotnet run --project src/ContinuousProfiler.Gate.Cli -- demo");
    }

    /// <summary>Builds the sample into <paramref name="output"/> and returns the path of its dll.</summary>
    public static string Build(string root, string output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", Project, "-c", "Release", "-o", output, "--nologo", "-v:q" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InputException("demo: could not start 'dotnet build'; is the .NET SDK on PATH?");
        var error = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var first = (log + error.Result).Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? $"exit {process.ExitCode}";
            throw new InputException($"demo: building {Project} failed: {first}; run 'dotnet build {Project} -c Release' to see the whole log");
        }

        return Path.Combine(output, "Sample.Bench.dll");
    }
}
