using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.GitHub.PullRequests;

/// <summary>The pull request the gate reports on, after checking.</summary>
/// <param name="Number">The PR number.</param>
/// <param name="HeadSha">The PR head commit the head set was captured at; statuses go here.</param>
/// <param name="BaseRef">The base branch (from the event or the API, never from the artifact alone).</param>
/// <param name="IsFork">True when the head lives in another repository.</param>
/// <param name="Labels">Label names as the API (or payload) reports them now.</param>
/// <param name="Source">How the PR was found, for the log ("pull_request event", "workflow_run artifact, verified through the API").</param>
public sealed record PullRequestTarget(int Number, string HeadSha, string BaseRef, bool IsFork, ImmutableArray<string> Labels, string Source);

/// <summary>Where the gate has a PR to report on, or why not (a normal outcome, e.g. a push run).</summary>
/// <param name="Target">The PR, or null.</param>
/// <param name="Reason">Why there is no PR, when <paramref name="Target"/> is null.</param>
public sealed record PullRequestResolution(PullRequestTarget? Target, string? Reason)
{
    /// <summary>A resolved PR.</summary>
    public static PullRequestResolution Found(PullRequestTarget target) => new(target, null);

    /// <summary>No PR to report on, and why.</summary>
    public static PullRequestResolution None(string reason) => new(null, reason);
}
