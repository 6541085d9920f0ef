using System.Diagnostics;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>The commit and branch of the git repository a folder is in; nulls outside one or without git.</summary>
public static class GitRevision
{
    /// <summary>(commit SHA, branch) of <paramref name="directory"/>; the branch is null when detached.</summary>
    public static (string? Commit, string? Branch) Of(string directory)
    {
        // One git process for both: prints the SHA, then the branch name ("HEAD" when detached).
        var lines = Git(directory, "rev-parse", "HEAD", "--abbrev-ref", "HEAD")?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines is not { Length: > 0 })
        {
            return (null, null);
        }

        var branch = lines.Length > 1 ? lines[1] : null;
        return (lines[0], branch is null or "HEAD" ? null : branch);
    }

    private static string? Git(string directory, params string[] args)
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

        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
