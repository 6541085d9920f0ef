using System.CommandLine;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Local;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>The bound options of <c>store get</c>.</summary>
internal sealed record StoreGetOptions(string Commit, string Out, string Group, StoreSelection Store);

/// <summary><c>profgate store get &lt;commit&gt; -o DIR [--group G] [--store …]</c>.</summary>
internal static class StoreGetCommand
{
    public static Command Create(CliContext context)
    {
        var commit = new Argument<string>("commit") { Description = "The commit (SHA, branch or tag; a unique SHA prefix of a stored set also works)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the set to (replaced if it holds a set).", Required = true };
        var group = StoreArguments.GroupOption("The scenario group (capture's --name).");
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("get", "Copy a commit's stored ProfileSet into a folder.") { commit, output, group });
        command.SetAction(parse => Run(new StoreGetOptions(parse.GetValue(commit)!, parse.GetValue(output)!, parse.GetValue(group)!, store.Bind(parse)), context));
        return command;
    }

    private static int Run(StoreGetOptions options, CliContext context)
    {
        StoreKeys.CheckGroup(options.Group, "--group");
        var policy = options.Store.Policy();
        var store = options.Store.Open(context, StoreArguments.TrustedBranches(policy, null));
        var known = store is LocalProfileStore local ? local.List(options.Group).Select(s => s.Commit) : null;
        var commit = StoreArguments.ResolveCommit(options.Commit, known, "store get");
        var lookup = store.FindAsync(commit, options.Group).GetAwaiter().GetResult();
        var set = lookup.Set ?? throw new InputException($"store get {options.Commit}: no usable set for {commit} group '{options.Group}' in {store.Description}: {lookup.Reason}");
        store.FetchAsync(set, options.Out).GetAwaiter().GetResult();
        context.Out.WriteLine($"wrote {options.Out}: {set.Commit} group '{set.Group}' from {set.Source}");
        return ExitCodes.Pass;
    }
}
