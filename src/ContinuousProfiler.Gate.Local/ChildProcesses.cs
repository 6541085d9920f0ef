using System.Diagnostics;
using System.Globalization;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Kills this process's child process trees (the profiled command and whatever it started) when a run is
/// interrupted. Children are found through <c>/proc</c> on Linux; elsewhere a terminal's Ctrl-C already
/// reaches the whole process group, so there is nothing more to do.
/// </summary>
internal static class ChildProcesses
{
    public static void KillAll()
    {
        foreach (var pid in Children(Environment.ProcessId))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // It ended on its own meanwhile.
            }
        }
    }

    private static List<int> Children(int parent)
    {
        var children = new List<int>();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return children;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid == parent)
                {
                    children.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return children;
    }
}
