using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// Leaves out traces of processes that are tooling, not the code under test: the dotnet CLI, MSBuild,
/// the compiler and its server, vstest.console and the data collector. Decided by the process command
/// line when the trace has one (processes that exit normally), else by the tool's own entry module
/// appearing in the stacks (a killed process has no command line in its trace).
/// </summary>
public static class TraceProcessFilter
{
    private static readonly string[] ToolAssemblies = ["dotnet.dll", "msbuild.dll", "csc.dll", "vbcscompiler.dll", "vstest.console.dll", "datacollector.dll"];
    private static readonly HashSet<string> ToolModules = new(StringComparer.Ordinal) { "dotnet", "msbuild", "csc", "vbcscompiler", "vstest.console", "datacollector" };

    /// <summary>True when the trace belongs to a tool process and should be left out.</summary>
    public static bool IsTooling(Profile profile)
    {
        foreach (var comment in profile.Metadata.Comments)
        {
            if (comment.StartsWith("process ", StringComparison.Ordinal))
            {
                var line = comment.ToLowerInvariant();
                if (ToolAssemblies.Any(a => line.Contains("/" + a, StringComparison.Ordinal) || line.Contains("\\" + a, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return profile.Frames.Any(f => f.Module is not null && ToolModules.Contains(f.Module));
    }
}
