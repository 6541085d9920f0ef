using System.Text;

namespace ContinuousProfiler.Gate.Local.Hooks;

/// <summary>The pre-push hook text profgate installs, and how to recognise it.</summary>
public static class HookScript
{
    /// <summary>The marker line that says profgate wrote the hook.</summary>
    public const string Marker = "# profgate pre-push hook (installed by 'profgate hook install'; remove with 'profgate hook uninstall')";

    /// <summary>The suffix of the file the previous pre-push hook is kept in.</summary>
    public const string ChainedSuffix = ".profgate-chained";

    /// <summary>The variable that skips the check for one push.</summary>
    public const string SkipVariable = "PROFGATE_SKIP_HOOK";

    /// <summary>True when <paramref name="text"/> is a hook profgate wrote.</summary>
    public static bool IsOurs(string text) => text.Contains(Marker, StringComparison.Ordinal);

    /// <summary>Renders the hook: run a chained hook first (with the same stdin), then profgate local.</summary>
    /// <param name="profgateCommand">The shell words that start profgate from any repository.</param>
    public static string Render(string profgateCommand)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append(Marker).Append('\n');
        text.Append("# Set ").Append(SkipVariable).Append("=1 to skip the check for one push.\n");
        text.Append("hook_dir=$(dirname \"$0\")\n");
        text.Append("chained=\"$hook_dir/pre-push").Append(ChainedSuffix).Append("\"\n");
        text.Append("if [ -x \"$chained\" ]; then\n");
        text.Append("  refs=$(cat)\n");
        text.Append("  printf '%s\\n' \"$refs\" | \"$chained\" \"$@\" || exit $?\n");
        text.Append("fi\n");
        text.Append("if [ -n \"$").Append(SkipVariable).Append("\" ] && [ \"$").Append(SkipVariable).Append("\" != 0 ]; then\n");
        text.Append("  echo \"profgate: pre-push check skipped (").Append(SkipVariable).Append(" is set)\" >&2\n");
        text.Append("  exit 0\n");
        text.Append("fi\n");
        text.Append("exec ").Append(profgateCommand).Append(" local --hook </dev/null\n");
        return text.ToString();
    }

    /// <summary>Quotes one word for POSIX sh.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
