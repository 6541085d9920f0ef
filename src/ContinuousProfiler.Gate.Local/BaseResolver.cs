using ContinuousProfiler.Gate.Core;

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
    public static ResolvedBase Resolve(string repository, string? requested)
    {
        if (requested is not null)
        {
            var (code, sha, _) = GitCommand.TryRun(repository, "rev-parse", "--verify", "--quiet", requested + "^{commit}");
            if (code != 0)
            {
                throw new InputException($"--base {requested}: not a commit in {repository}; expected a branch, tag or SHA (see 'git log')");
            }

            return new ResolvedBase(sha.Trim(), $"--base {requested}");
        }

        foreach (var candidate in Candidates(repository))
        {
            var (code, sha, _) = GitCommand.TryRun(repository, "merge-base", "HEAD", candidate);
            if (code == 0 && sha.Trim().Length > 0)
            {
                return new ResolvedBase(sha.Trim(), $"merge-base of HEAD and {candidate}");
            }
        }

        throw new InputException($"{repository}: cannot find a base to compare with (no upstream branch, no origin/HEAD, main or master); pass --base REV");
    }

    private static IEnumerable<string> Candidates(string repository)
    {
        var (upstreamCode, upstream, _) = GitCommand.TryRun(repository, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}");
        if (upstreamCode == 0)
        {
            yield return upstream.Trim();
        }

        var (originCode, origin, _) = GitCommand.TryRun(repository, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
        if (originCode == 0)
        {
            yield return origin.Trim();
        }

        foreach (var name in new[] { "origin/main", "origin/master", "main", "master" })
        {
            if (GitCommand.TryRun(repository, "rev-parse", "--verify", "--quiet", name + "^{commit}").ExitCode == 0)
            {
                yield return name;
            }
        }
    }
}
