using System.Diagnostics;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Capture.Perf;

/// <summary>Finds Linux <c>perf</c>, checks it may sample here, and turns a recording into <c>perf script</c> text.</summary>
public static class PerfTool
{
    /// <summary>The perf executable, or an <see cref="InputException"/> saying how to install it.</summary>
    public static string Find(string workingDirectory)
    {
        try
        {
            return CommandResolver.Resolve(Environment.GetEnvironmentVariable("PROFGATE_PERF") is { Length: > 0 } p ? p : "perf", workingDirectory);
        }
        catch (InputException)
        {
            throw new InputException("perf not found: --profiler perf needs Linux perf (Debian: apt-get install -y linux-perf; Ubuntu: linux-tools-generic), or use --profiler dotnet for .NET programs");
        }
    }

    /// <summary>
    /// Opens the <c>cpu-clock</c> event once on <c>true</c> to see whether the kernel lets this user use it, or
    /// throws one line saying how to allow it. <c>perf stat</c> opens the same event under the same
    /// <c>perf_event_paranoid</c>/seccomp rules as <c>perf record</c>, for about no CPU (a probe
    /// <c>perf record</c> cost about 0.12 s CPU per capture).
    /// </summary>
    public static void CheckPermitted(string perf, string scratch)
    {
        var (exit, _, error) = Capture(perf, ["stat", "-e", "cpu-clock", "-x", ",", "-o", Path.Combine(scratch, "probe.txt"), "--", "true"]);
        if (exit != 0)
        {
            var paranoid = ReadParanoid();
            var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit {exit}";
            throw new InputException($"perf is not permitted to sample here (kernel.perf_event_paranoid={paranoid}: {reason}); run as root, grant CAP_PERFMON, or run 'sysctl kernel.perf_event_paranoid=1' (in containers also allow perf_event_open in seccomp)");
        }
    }

    /// <summary>Writes <c>perf script</c> of <paramref name="data"/> to <paramref name="output"/>.</summary>
    public static void Script(string perf, string data, string output)
    {
        var (exit, text, error) = Capture(perf, ["script", "-i", data]);
        if (exit != 0)
        {
            throw new InputException($"perf script failed (exit {exit}) on {data}: {error.Split('\n').FirstOrDefault()}");
        }

        File.WriteAllText(output, text);
    }

    private static (int Exit, string Output, string Error) Capture(string exe, string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string ReadParanoid()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
