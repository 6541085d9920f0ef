using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>Finds the program of a command the way a shell would, so "not found" is one clear line before anything runs.</summary>
public static class CommandResolver
{
    /// <summary>The full path of <paramref name="program"/>, or an <see cref="InputException"/>.</summary>
    public static string Resolve(string program, string workingDirectory)
    {
        if (program.Contains('/') || program.Contains(Path.DirectorySeparatorChar))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, program));
            return File.Exists(path)
                ? path
                : throw new InputException($"command not found: {program} (no such file in {workingDirectory}); check the path after '--'");
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in Candidates(Path.Combine(dir, program)))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InputException($"command not found: {program} (not on PATH); install it or give its path after '--'");
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (OperatingSystem.IsWindows())
        {
            yield return path + ".exe";
            yield return path + ".cmd";
        }
    }
}
