using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>
/// Runs a command with its output passing straight through (inherited handles), with extra
/// environment variables, and measures its wall and CPU time.
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="command"/> to completion.</summary>
    /// <param name="command">The program (already resolved) and its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="environment">Variables to set (null value: remove).</param>
    public static RunOutcome Run(ImmutableArray<string> command, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
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

        var cpuBefore = ChildCpuTime.TotalMs();
        var watch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InputException($"command could not be started: {command[0]}");
        }
        catch (Win32Exception e)
        {
            throw new InputException($"command could not be started: {command[0]} ({e.Message}); check that it exists and is executable");
        }

        using (process)
        {
            process.WaitForExit();
            watch.Stop();
            return new RunOutcome(process.ExitCode, watch.Elapsed.TotalMilliseconds, Math.Max(0, ChildCpuTime.TotalMs() - cpuBefore));
        }
    }
}
