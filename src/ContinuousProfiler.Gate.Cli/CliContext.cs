namespace ContinuousProfiler.Gate.Cli;

/// <summary>
/// What a command may touch of the outside world: its writers and the environment. Commands never
/// use <see cref="Console"/> directly, so tests can run them in-process.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable, bool IsTerminal)
{
    /// <summary>The real process console and environment.</summary>
    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected);

    /// <summary>True when colors may be used: a terminal, and <c>NO_COLOR</c> unset.</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));
}
