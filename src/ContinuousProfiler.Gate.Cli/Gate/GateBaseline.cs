using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Cli.Commands;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.PullRequests;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Baselines;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>The base side of the gate: a loaded set and its provenance, or no baseline and why.</summary>
/// <param name="Set">The baseline set, or null.</param>
/// <param name="Provenance">Where it came from (or <see cref="Provenance.NoBaselineReason"/>).</param>
/// <param name="Notes">What the selection tried, for the log.</param>
internal sealed record GateBaseline(LoadedProfileSet? Set, Provenance Provenance, ImmutableArray<string> Notes)
{
    /// <summary>
    /// <c>--base DIR</c> when given; else the store's baseline for head: the merge-base of the PR head and
    /// its base branch, or the nearest first-parent ancestor with a stored set. From a GitHub artifact
    /// store only trusted push runs qualify. A fork's head commit is fetched (as data, never checked out)
    /// when the clone lacks it, so the merge-base can be computed.
    /// </summary>
    public static GateBaseline Resolve(GateOptions options, LoadedProfileSet head, string group, GatePolicy policy, PullRequestTarget? pullRequest, ActionsEnvironment environment, CliContext context, long maxInputBytes)
    {
        var headCommit = pullRequest?.HeadSha ?? head.Manifest.Commit;
        if (options.Base is { } baseDirectory)
        {
            var set = ProfileSetReader.Read(baseDirectory, file => ProfileReader.Read(file, maxInputBytes));
            var differences = set.Manifest.Environment.Differences(head.Manifest.Environment);
            var known = !set.Manifest.Environment.IsUnknown && !head.Manifest.Environment.IsUnknown;
            return new GateBaseline(set, new Provenance
            {
                BaseCommit = set.Manifest.Commit,
                HeadCommit = headCommit,
                Source = baseDirectory,
                EnvironmentMatches = known ? differences.Count == 0 : null,
                EnvironmentDifferences = known ? [.. differences] : [],
            }, []);
        }

        var git = GitRepository.TryOpen(Environment.CurrentDirectory)
            ?? throw new InputException($"{Environment.CurrentDirectory}: not inside a git repository; the baseline is found from git history (run in the checkout, with actions/checkout fetch-depth: 0), or pass --base DIR");
        var baseBranch = options.BaseBranch ?? pullRequest?.BaseRef ?? BaselineSelector.DefaultBaseBranch(git, environment.BaseRef, policy.Baseline.Branches);
        var headRevision = headCommit ?? "HEAD";
        var notes = ImmutableArray.CreateBuilder<string>();
        if (pullRequest is not null && git.TryResolve(headRevision) is null && !options.NoFetch)
        {
            FetchPullRequestHead(git, pullRequest, notes);
        }

        var store = options.Store.Open(context, StoreArguments.TrustedBranches(policy, baseBranch));
        var request = new BaselineRequest(headRevision, baseBranch, group, policy.Baseline.MaxCommitsBack, head.Manifest.Environment, !options.NoFetch);
        var choice = new BaselineSelector(git, store).SelectAsync(request).GetAwaiter().GetResult();
        notes.AddRange(choice.Notes);
        var loaded = choice.Set is { } found ? ProfileSetReader.Read(found.Location, file => ProfileReader.Read(file, maxInputBytes)) : null;
        return new GateBaseline(loaded, choice.Provenance, notes.ToImmutable());
    }

    // In a workflow_run job the checkout is the default branch: a fork PR's commits are only reachable through refs/pull/N/head.
    private static void FetchPullRequestHead(GitRepository git, PullRequestTarget pullRequest, ImmutableArray<string>.Builder notes)
    {
        var number = pullRequest.Number.ToString(CultureInfo.InvariantCulture);
        var result = git.Git(["fetch", "--no-tags", "--quiet", "origin", $"+refs/pull/{number}/head:refs/profgate/pull/{number}"]);
        notes.Add(result.ExitCode == 0
            ? $"fetched the head of pull request #{number} (refs/pull/{number}/head) to find the merge-base; nothing of it was checked out"
            : $"could not fetch refs/pull/{number}/head ({result.Error.Trim()}); the merge-base may not be found");
    }
}
