using ContinuousProfiler.Gate.Cli;

namespace ContinuousProfiler.Gate.Cli.Tests;

/// <summary>Runs profgate in-process over string writers.</summary>
internal static class CliRun
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(IDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, IsTerminal: false);
        var code = ProfgateCli.Run(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Result Run(params string[] args) => Run(null, args);
}
