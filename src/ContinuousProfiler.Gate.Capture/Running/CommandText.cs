namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>A command line as one shell-readable string (arguments with spaces or quotes are single-quoted).</summary>
public static class CommandText
{
    public static string Join(IEnumerable<string> command) => string.Join(' ', command.Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@,+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
