using System.CommandLine;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Baselines;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Commands;

/// <summary>The bound options of <c>store baseline</c>.</summary>
internal sealed record StoreBaselineOptions(
    string For,
    string? BaseBranch,
    string Group,
    int? MaxCommitsBack,
    string? HeadSet,
    string? Out,
    bool NoFetch,
    StoreSelection Store);

/// <summary>
/// <c>profgate store baseline [--for REV] [--base-branch B] [--store …]</c>: the first stdout line is the
/// baseline commit SHA or <c>none</c>, the following lines say why; both exit 0.
/// </summary>
internal static class StoreBaselineCommand
{
    public static Command Create(CliContext context)
    {
        var forRevision = new Option<string>("--for") { Description = "The head revision to find a baseline for.", DefaultValueFactory = _ => "HEAD" };
        var baseBranch = new Option<string?>("--base-branch") { Description = "The base branch (default: GITHUB_BASE_REF, else the remote's default branch, else the first of baseline.branches)." };
        var group = StoreArguments.GroupOption("The scenario group (capture's --name).");
        var maxBack = new Option<int?>("--max-commits-back") { Description = "How many first-parent ancestors of the merge-base to try (default: baseline.maxCommitsBack, 20)." };
        var headSet = new Option<string?>("--head-set") { Description = "Head's ProfileSet, to report whether the baseline's environment matches." };
        var output = new Option<string?>("--out", "-o") { Description = "Also copy the chosen baseline set into this folder." };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Never fetch from the remote (a shallow clone is then reported, not deepened)." };
        var store = new StoreSelectionOptions();
        var command = store.AddTo(new Command("baseline", "Print the baseline commit for a head (merge-base with the base branch, or its nearest first-parent ancestor with a stored set), or 'none', then why.")
        {
            forRevision, baseBranch, group, maxBack, headSet, output, noFetch,
        });
        command.SetAction(parse => Run(
            new StoreBaselineOptions(parse.GetValue(forRevision)!, parse.GetValue(baseBranch), parse.GetValue(group)!, parse.GetValue(maxBack), parse.GetValue(headSet), parse.GetValue(output), parse.GetValue(noFetch), store.Bind(parse)),
            context));
        return command;
    }

    private static int Run(StoreBaselineOptions options, CliContext context)
    {
        StoreKeys.CheckGroup(options.Group, "--group");
        var git = GitRepository.Open(Environment.CurrentDirectory);
        var policy = options.Store.Policy();
        var environment = ActionsEnvironment.Read(context.GetEnvironmentVariable);
        var baseBranch = options.BaseBranch ?? BaselineSelector.DefaultBaseBranch(git, environment.BaseRef, policy.Baseline.Branches);
        var store = options.Store.Open(context, StoreArguments.TrustedBranches(policy, baseBranch));
        var headEnvironment = options.HeadSet is { } headSet ? ProfileSetReader.ReadManifest(headSet).Environment : (EnvironmentFingerprint?)null;
        var request = new BaselineRequest(options.For, baseBranch, options.Group, options.MaxCommitsBack ?? policy.Baseline.MaxCommitsBack, headEnvironment, !options.NoFetch);
        var choice = new BaselineSelector(git, store).SelectAsync(request).GetAwaiter().GetResult();

        context.Out.WriteLine(choice.Commit ?? "none");
        context.Out.WriteLine(choice.Summary);
        foreach (var note in choice.Notes)
        {
            context.Out.WriteLine($"  {note}");
        }

        if (choice.Set is { } set && options.Out is { } outDirectory)
        {
            store.FetchAsync(set, outDirectory).GetAwaiter().GetResult();
            context.Out.WriteLine($"wrote {outDirectory}");
        }

        return ExitCodes.Pass;
    }
}
