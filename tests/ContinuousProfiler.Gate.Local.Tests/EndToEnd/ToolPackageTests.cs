using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests;

/// <summary>The README's install route: dotnet pack, then a global tool install from the built package.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void Packed_tool_installs_globally_into_a_fresh_home_and_runs()
    {
        using var home = new TempDir("profgate-home");
        using var feed = new TempDir("profgate-feed");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["DOTNET_CLI_HOME"] = home.Path,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NUGET_PACKAGES"] = Path.Combine(home.Path, "nuget-packages"),
        };

        var pack = ProcessRunner.Run("dotnet", ["pack", Paths.InRepo("src/ContinuousProfiler.Gate.Cli/ContinuousProfiler.Gate.Cli.csproj"),
            "-c", configuration, "--no-build", "-o", feed.Path, "--nologo"], Paths.RepoRoot, environment: env);
        Assert.True(pack.ExitCode == 0, pack.StdOut + pack.StdErr);
        Assert.Single(Directory.GetFiles(feed.Path, "ContinuousProfiler.Gate.*.nupkg"));

        var install = ProcessRunner.Run("dotnet", ["tool", "install", "--global", "--add-source", feed.Path, "ContinuousProfiler.Gate"], home.Path, environment: env);
        Assert.True(install.ExitCode == 0, install.StdOut + install.StdErr);

        var tool = Path.Combine(home.Path, ".dotnet", "tools", "profgate");
        Assert.True(File.Exists(tool), $"{tool} was not installed: {install.StdOut}");
        var help = ProcessRunner.Run(tool, ["--help"], home.Path, environment: env);
        Assert.True(help.ExitCode == 0, help.StdErr);
        Assert.Contains("hook", help.StdOut, StringComparison.Ordinal);
    }
}
