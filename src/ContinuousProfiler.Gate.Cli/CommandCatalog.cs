using System.CommandLine;

namespace ContinuousProfiler.Gate.Cli;

/// <summary>Every verb of profgate; one line each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext context) =>
    [
        Commands.HookCommand.Create(context),
        Commands.LocalCommand.Create(context),
        Commands.DemoCommand.Create(context),
        Commands.CaptureCommand.Create(context),
        Commands.ImportCommand.Create(context),
        Commands.TopCommand.Create(context),
        Commands.ConvertCommand.Create(context),
        Commands.StoreCommand.Create(context),
        Commands.GateCommand.Create(context),
        Commands.DiffCommand.Create(context),
    ];
}
