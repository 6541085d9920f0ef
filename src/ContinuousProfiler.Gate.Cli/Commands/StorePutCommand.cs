using System.CommandLine;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>The bound options of <c>store put</c>.</summary>
internal sealed record StorePutOptions(string SetDirectory, string? Commit, StoreSelection Store);

/// <summary><c>profgate store put &lt;set-dir&gt; [--commit SHA] [--store PATH]</c>.</summary>
internal static class StorePutCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Argument<string>("set-dir") { Description = "The ProfileSet folder to store (written by 'profgate capture' or 'profgate import')." };
        var commit = new Option<string?>("--commit") { Description = "The commit to store it under (default: the manifest's commit, else HEAD)." };
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("put", "Store a ProfileSet under its commit and scenario group, replacing what was there, atomically.") { set, commit }, github: false);
        command.SetAction(parse => Run(new StorePutOptions(parse.GetValue(set)!, parse.GetValue(commit), store.Bind(parse)), context));
        return command;
    }

    private static int Run(StorePutOptions options, CliContext context)
    {
        var local = options.Store.OpenLocal("put");
        var manifest = ProfileSetReader.ReadManifest(options.SetDirectory);
        var commit = options.Commit is { } given
            ? StoreArguments.ResolveCommit(given, null, "--commit")
            : manifest.Commit is { } stated && StoreKeys.IsFullSha(stated.ToLowerInvariant()) ? stated.ToLowerInvariant()
            : StoreSelection.Repository?.TryResolve("HEAD")
              ?? throw new InputException($"{options.SetDirectory}: the manifest names no commit and there is no git repository here; pass --commit SHA");
        var stored = local.Put(options.SetDirectory, commit);
        context.Out.WriteLine($"stored {stored.Commit} group '{stored.Group}' in {local.Root}");
        return ExitCodes.Pass;
    }
}
