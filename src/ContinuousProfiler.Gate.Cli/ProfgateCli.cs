using System.CommandLine;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli;

/// <summary>Builds the command tree and runs it, mapping every failure to one line and exit code 2.</summary>
public static class ProfgateCli
{
    /// <summary>Runs profgate with <paramref name="args"/> and returns the exit code (0 pass, 1 regression, 2 usage/input error).</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("profgate: profile, compare function by function, and gate performance regressions.");
        foreach (var command in CommandCatalog.All(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"profgate: {error.Message}");
            }

            context.Error.WriteLine("Run 'profgate --help' (or 'profgate <verb> --help') for usage.");
            return ExitCodes.InputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = context.Out,
                Error = context.Error,
            });
        }
        catch (Exception e)
        {
            return Report(e, context);
        }
    }

    private static int Report(Exception exception, CliContext context)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        switch (e)
        {
            case InputException input:
                context.Error.WriteLine($"profgate: {input.Message}");
                return input.ExitCode;
            case OperationCanceledException:
                context.Error.WriteLine("profgate: cancelled");
                return ExitCodes.InputError;
            default:
                context.Error.WriteLine($"profgate: internal error: {e.GetType().Name}: {e.Message} (set PROFGATE_DEBUG=1 for details)");
                if (context.GetEnvironmentVariable("PROFGATE_DEBUG") == "1")
                {
                    context.Error.WriteLine(e.ToString());
                }

                return ExitCodes.InputError;
        }
    }
}
