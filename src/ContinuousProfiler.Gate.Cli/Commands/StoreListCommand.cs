using System.CommandLine;
using System.Globalization;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>The bound options of <c>store list</c>.</summary>
internal sealed record StoreListOptions(string? Group, StoreSelection Store);

/// <summary><c>profgate store list [--group G] [--store …]</c>: one line per stored set, newest first.</summary>
internal static class StoreListCommand
{
    public static Command Create(CliContext context)
    {
        var group = new Option<string?>("--group", "-g") { Description = "Only this scenario group (default: all)." };
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("list", "List stored sets, newest first: commit, group, when stored, source.") { group });
        command.SetAction(parse => Run(new StoreListOptions(parse.GetValue(group), store.Bind(parse)), context));
        return command;
    }

    private static int Run(StoreListOptions options, CliContext context)
    {
        var store = options.Store.Open(context, StoreArguments.TrustedBranches(options.Store.Policy(), null));
        var sets = store.ListAsync(options.Group).GetAwaiter().GetResult();
        if (sets.Count == 0)
        {
            context.Out.WriteLine($"no sets in {store.Description}");
            return ExitCodes.Pass;
        }

        foreach (var set in sets)
        {
            var scenarios = set.Manifest is { } manifest ? $"  {manifest.Scenarios.Length} scenario(s)" : "";
            context.Out.WriteLine($"{set.Commit}  {set.Group}  {set.StoredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z{scenarios}  {set.Source}");
        }

        return ExitCodes.Pass;
    }
}
