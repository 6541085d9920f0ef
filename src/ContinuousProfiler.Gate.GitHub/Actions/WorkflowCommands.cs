namespace ContinuousProfiler.Gate.GitHub.Actions;

/// <summary>
/// Workflow commands (<c>::warning::</c>, <c>::error::</c>, <c>::notice::</c>) that the runner turns into
/// annotations. Messages are escaped so that a newline or <c>::</c> inside cannot start another command.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>A warning annotation line.</summary>
    public static string Warning(string message, string? title = null) => Format("warning", message, title);

    /// <summary>An error annotation line.</summary>
    public static string Error(string message, string? title = null) => Format("error", message, title);

    /// <summary>A notice annotation line.</summary>
    public static string Notice(string message, string? title = null) => Format("notice", message, title);

    private static string Format(string command, string message, string? title) =>
        title is null
            ? $"::{command}::{EscapeData(message)}"
            : $"::{command} title={EscapeProperty(title)}::{EscapeData(message)}";

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
