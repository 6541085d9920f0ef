using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.EndToEnd;

/// <summary>The README's first command: the demo on the sample the repository ships.</summary>
public sealed class DemoTests
{
    [Fact]
    public void The_demo_catches_the_injected_slowdown_and_allocation()
    {
        using var reports = new TempDir("profgate-demo-reports");
        using var temp = new TempDir("profgate-demo-tmp");
        using var bin = new TempDir("profgate-demo-bin");
        // --open runs xdg-open (open on macOS): a stand-in records what it was asked to open.
        var opened = Path.Combine(bin.Path, "opened.txt");
        foreach (var opener in new[] { "xdg-open", "open" })
        {
            File.WriteAllText(Path.Combine(bin.Path, opener), $"#!/bin/sh\nprintf '%s\\n' \"$1\" > '{opened}'\n");
            File.SetUnixFileMode(Path.Combine(bin.Path, opener), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = WorkloadRepo.Environment(temp.Path);
        environment["PATH"] = bin.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        var run = ProfgateProcess.Run(Paths.RepoRoot, ["demo", "-o", reports.Path, "--open"], environment);

        Assert.True(run.ExitCode == 0, LocalCommandTests.Describe(run));
        Assert.Contains("profgate: demo: building the sample", run.StdErr, StringComparison.Ordinal);
        var failures = run.StdOut.Split('\n').Where(l => l.TrimStart().StartsWith("fail ", StringComparison.Ordinal)).ToList();
        Assert.Contains(failures, l => l.Contains("Sample.Lib.Checksum.", StringComparison.Ordinal) && !l.Contains("alloc", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("Sample.Lib.Formatter.Render", StringComparison.Ordinal) && l.Contains("alloc_space", StringComparison.Ordinal));
        Assert.Contains("profgate demo: the gate caught the injected regression", run.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports.Path, "demo.html")));
        Assert.Equal(Path.Combine(reports.Path, "demo.html") + "\n", File.ReadAllText(opened));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path, "profgate-*"));
    }
}
