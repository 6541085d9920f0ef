using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Git;

namespace ContinuousProfiler.Gate.Local;

/// <summary>The commit a local comparison measures against, and how it was chosen.</summary>
/// <param name="Commit">The full SHA.</param>
/// <param name="Description">How it was found, e.g. "merge-base of HEAD and origin/main".</param>
public sealed record ResolvedBase(string Commit, string Description);

/// <summary>
/// Finds the base of a local comparison: <c>--base</c> when given, else the merge-base of HEAD with its
/// upstream, else with the default branch (origin/HEAD, then main or master).
/// </summary>
public static class BaseResolver
{
    public static ResolvedBase Resolve(GitRepository repository, string? requested)
    {
        if (requested is not null)
        {
            var sha = repository.TryResolve(requested)
                ?? throw new InputException($"--base {requested}: not a commit in {repository.Root}; expected a branch, tag or SHA (see 'git log')");
            return new ResolvedBase(sha, $"--base {requested}");
        }

        foreach (var candidate in Candidates(repository))
        {
            if (repository.MergeBase("HEAD", candidate) is { Length: > 0 } sha)
            {
                return new ResolvedBase(sha, $"merge-base of HEAD and {candidate}");
            }
        }

        throw new InputException($"{repository.Root}: cannot find a base to compare with (no upstream branch, no origin/HEAD, main or master); pass --base REV");
    }

    private static IEnumerable<string> Candidates(GitRepository repository)
    {
        var upstream = repository.Git(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
        if (upstream.ExitCode == 0 && upstream.Output.Trim() is { Length: > 0 } name)
        {
            yield return name;
        }

        if (repository.RemoteDefaultBranch("origin") is { } branch)
        {
            yield return "origin/" + branch;
        }

        foreach (var fallback in new[] { "origin/main", "origin/master", "main", "master" })
        {
            if (repository.TryResolve(fallback) is not null)
            {
                yield return fallback;
            }
        }
    }
}
