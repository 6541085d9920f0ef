using ContinuousProfiler.Gate.Local.Hooks;

namespace ContinuousProfiler.Gate.Cli;

/// <summary>How to start this very profgate again from a shell in any folder (for hooks).</summary>
internal static class ProfgateInvocation
{
    public static string ShellCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var isHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost
            ? $"{HookScript.Quote(process)} {HookScript.Quote(typeof(ProfgateInvocation).Assembly.Location)}"
            : HookScript.Quote(Path.GetFullPath(process));
    }
}
