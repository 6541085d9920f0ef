using System.Diagnostics;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Local;

/// <summary>Runs git in a folder and returns its trimmed output; failures become one-line input errors.</summary>
public static class GitCommand
{
    /// <summary>Runs <c>git args…</c> in <paramref name="directory"/>.</summary>
    public static string Run(string directory, params string[] args)
    {
        var (code, stdout, stderr) = TryRun(directory, args);
        if (code != 0)
        {
            var why = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? $"exit {code}";
            throw new InputException($"git {string.Join(' ', args)} failed in {directory}: {why}");
        }

        return stdout.Trim();
    }

    /// <summary>Runs git and returns the exit code with both outputs, without throwing on failure.</summary>
    public static (int ExitCode, string StdOut, string StdErr) TryRun(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputException($"cannot run git ({e.Message}); install git and make sure it is on PATH");
        }
    }
}
