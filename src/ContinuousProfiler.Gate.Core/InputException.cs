namespace ContinuousProfiler.Gate.Core;

/// <summary>
/// A problem with what the user gave us (a file, a flag, a config value). The message is one
/// line that says what was wrong, where, what was expected and how to fix it; the CLI prints it
/// without a stack trace and exits with <see cref="ExitCode"/> (2 unless stated otherwise).
/// </summary>
public class InputException : Exception
{
    public InputException(string message, int exitCode = ExitCodes.InputError, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    /// <summary>The process exit code to use when this error ends the command.</summary>
    public int ExitCode { get; }
}
