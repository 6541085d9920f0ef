using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Store.Git;

namespace ContinuousProfiler.Gate.Store.Baselines;

/// <summary>
/// Picks the baseline for a head commit: the merge-base of head and the base branch, or when that
/// commit has no usable set (never run, CI skipped, expired, failed run) the nearest of its
/// first-parent ancestors that has one, up to a limit. Shallow clones are deepened when allowed.
/// </summary>
public sealed class BaselineSelector(GitRepository git, IProfileStore store)
{
    private const string Remote = "origin";
    private const int MaxDeepenRounds = 6;

    /// <summary>Selects the baseline; "no baseline" is a normal result with its reason.</summary>
    public async Task<BaselineChoice> SelectAsync(BaselineRequest request, CancellationToken cancellationToken = default)
    {
        if (request.MaxCommitsBack < 0)
        {
            throw new InputException($"baseline.maxCommitsBack is {request.MaxCommitsBack}; expected 0 or more");
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        var head = git.Resolve(request.HeadRevision, "head revision");
        var provenance = new Provenance { HeadCommit = head };
        var baseRef = ResolveBaseBranch(request, notes);
        if (baseRef is null)
        {
            return None(provenance, notes, $"the base branch '{request.BaseBranch}' is not in this clone; fetch it (git fetch origin {request.BaseBranch}) or pass --base-branch");
        }

        var mergeBase = git.MergeBase(head, baseRef);
        for (var round = 0; mergeBase is null && request.AllowFetch && git.IsShallow && round < MaxDeepenRounds; round++)
        {
            if (!Deepen(50 << (2 * round), notes))
            {
                break;
            }

            mergeBase = git.MergeBase(head, baseRef);
        }

        if (mergeBase is null)
        {
            return None(provenance, notes, git.IsShallow
                ? $"head {StoreKeys.Short(head)} and {baseRef} share no history in this shallow clone; fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
                : $"head {StoreKeys.Short(head)} and {baseRef} share no history");
        }

        var wanted = request.MaxCommitsBack + 1;
        var chain = git.FirstParentChain(mergeBase, wanted);
        if (chain.Count < wanted && request.AllowFetch && git.IsShallow && Deepen(wanted, notes))
        {
            chain = git.FirstParentChain(mergeBase, wanted);
        }

        for (var back = 0; back < chain.Count; back++)
        {
            var lookup = await store.FindAsync(chain[back], request.Group, cancellationToken).ConfigureAwait(false);
            if (lookup.Set is { } set && set.Manifest is { Failed: true } failed)
            {
                notes.Add($"{StoreKeys.Short(chain[back])}: the stored set comes from a failed run (exit code {failed.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}); skipped");
                continue;
            }

            if (lookup.Set is { } found)
            {
                return new BaselineChoice(found, WithEnvironment(provenance with
                {
                    BaseCommit = found.Commit,
                    CommitsBack = back,
                    Source = found.Source,
                }, request, found), notes.ToImmutable());
            }

            notes.Add($"{StoreKeys.Short(chain[back])}: {lookup.Reason}");
        }

        var shallowHint = chain.Count < wanted && git.IsShallow
            ? $" (the shallow clone ends after {chain.Count}; fetch more with git fetch --deepen={wanted})"
            : "";
        return None(provenance, notes,
            $"no usable set for group '{request.Group}' at the merge-base {StoreKeys.Short(mergeBase)} of {StoreKeys.Short(head)} and {baseRef} or its {Math.Max(0, chain.Count - 1)} first-parent ancestors checked{shallowHint} in {store.Description}");
    }

    /// <summary>
    /// The base branch when none is given: the pull request's base (<c>GITHUB_BASE_REF</c>), else the
    /// remote's default branch, else the first configured base branch that exists, else <c>main</c>.
    /// </summary>
    public static string DefaultBaseBranch(GitRepository git, string? githubBaseRef, IEnumerable<string> configuredBranches)
    {
        if (!string.IsNullOrEmpty(githubBaseRef))
        {
            return githubBaseRef;
        }

        if (git.RemoteDefaultBranch(Remote) is { } remoteDefault)
        {
            return remoteDefault;
        }

        var plain = configuredBranches.Where(b => !b.Contains('*', StringComparison.Ordinal) && !b.Contains('?', StringComparison.Ordinal)).ToList();
        return plain.FirstOrDefault(b => git.HasRef($"refs/remotes/{Remote}/{b}") || git.HasRef($"refs/heads/{b}")) ?? plain.FirstOrDefault() ?? "main";
    }

    private string? ResolveBaseBranch(BaselineRequest request, ImmutableArray<string>.Builder notes)
    {
        var branch = request.BaseBranch;
        string[] candidates = branch.StartsWith("refs/", StringComparison.Ordinal)
            ? [branch]
            : [$"refs/remotes/{Remote}/{branch}", $"refs/heads/{branch}", $"refs/remotes/{branch}"];
        foreach (var candidate in candidates)
        {
            if (git.HasRef(candidate))
            {
                return candidate;
            }
        }

        if (git.TryResolve(branch) is { } sha)
        {
            return sha; // a tag, SHA or other revision
        }

        if (!request.AllowFetch || !git.Remotes.Contains(Remote) || branch.StartsWith("refs/", StringComparison.Ordinal))
        {
            return null;
        }

        var target = $"refs/remotes/{Remote}/{branch}";
        var fetch = git.Git(["fetch", "--quiet", "--no-tags", Remote, $"+refs/heads/{branch}:{target}"]);
        if (fetch.ExitCode != 0)
        {
            notes.Add($"git fetch {Remote} {branch} failed: {fetch.Error.Trim()}");
            return null;
        }

        notes.Add($"fetched {Remote}/{branch}");
        return target;
    }

    private bool Deepen(int commits, ImmutableArray<string>.Builder notes)
    {
        if (!git.Remotes.Contains(Remote))
        {
            notes.Add($"the clone is shallow and has no '{Remote}' remote to deepen from");
            return false;
        }

        var error = git.Deepen(Remote, commits);
        notes.Add(error is null ? $"deepened the shallow clone by {commits} commits" : $"git fetch --deepen={commits} {Remote} failed: {error}");
        return error is null;
    }

    private static Provenance WithEnvironment(Provenance provenance, BaselineRequest request, StoredSet set)
    {
        var baseEnvironment = set.Manifest?.Environment;
        if (request.HeadEnvironment is not { IsUnknown: false } head || baseEnvironment is not { IsUnknown: false })
        {
            return provenance with { EnvironmentMatches = null };
        }

        var differences = baseEnvironment.Differences(head);
        return provenance with { EnvironmentMatches = differences.Count == 0, EnvironmentDifferences = [.. differences] };
    }

    private static BaselineChoice None(Provenance provenance, ImmutableArray<string>.Builder notes, string reason) =>
        new(null, provenance with { NoBaselineReason = reason }, notes.ToImmutable());
}
