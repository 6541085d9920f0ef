using System.Diagnostics;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.EndToEnd;

/// <summary>SIGINT in the middle of a run: the profiled command dies, the worktree and scratch folders go.</summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Sigint_mid_run_kills_the_command_and_removes_the_base_worktree()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Commit("workload");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workload.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ProfgateProcess.Dll, "local", "--base", "HEAD", "--profiler", "dotnet", "--", "sh", "-c", "echo $$ > started.pid; exec sleep 300" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in WorkloadRepo.Environment(workload.Temp))
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var profgate = Process.Start(info)!;
        var stdout = profgate.StandardOutput.ReadToEndAsync();
        var stderr = profgate.StandardError.ReadToEndAsync();
        var marker = WaitFor(() => Directory.GetDirectories(workload.Temp, "profgate-base-*").Select(d => Path.Combine(d, "started.pid")).FirstOrDefault(File.Exists), profgate);
        var worktree = Path.GetDirectoryName(marker)!;
        var sleeper = int.Parse(WaitFor(() => File.ReadAllText(marker).Trim() is { Length: > 0 } pid ? pid : null, profgate), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, workload.Worktrees);

        Assert.Equal(0, ProcessRunner.Run("kill", ["-INT", profgate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExitCode);
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await profgate.WaitForExitAsync(limit.Token);
        }

        Assert.Equal(2, profgate.ExitCode);
        Assert.Contains("profgate: cancelled", await stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(worktree), $"{worktree} is still there");
        Assert.Equal(1, workload.Worktrees);
        Assert.Empty(workload.Leftovers);
        Assert.True(WaitUntil(() => !IsRunning(sleeper)), $"the profiled command (pid {sleeper}) is still running");
        await stdout;
    }

    private static T WaitFor<T>(Func<T?> probe, Process process)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (probe() is { } value)
            {
                return value;
            }

            Assert.False(process.HasExited, "profgate ended before the profiled command started");
            Thread.Sleep(100);
        }

        throw new TimeoutException("the profiled command did not start within two minutes");
    }

    private static bool WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            Thread.Sleep(100);
        }

        return condition();
    }

    // A killed child is reaped by init once profgate is gone; a zombie counts as gone.
    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
