using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.GitHub.Events;

/// <summary>
/// The parts of a webhook payload the gate uses. Exactly one of <see cref="PullRequest"/>,
/// <see cref="Push"/> and <see cref="WorkflowRun"/> is set for those events; other events carry none.
/// </summary>
/// <param name="Name">The event name (<c>GITHUB_EVENT_NAME</c>).</param>
/// <param name="Action">The payload's <c>action</c> (e.g. <c>opened</c>, <c>synchronize</c>, <c>completed</c>), if any.</param>
/// <param name="Repository">The payload's <c>repository.full_name</c>, if any.</param>
public sealed record ActionsEvent(string Name, string? Action, string? Repository)
{
    /// <summary>Set for <c>pull_request</c> and <c>pull_request_target</c>.</summary>
    public PullRequestRef? PullRequest { get; init; }

    /// <summary>Set for <c>push</c>.</summary>
    public PushRef? Push { get; init; }

    /// <summary>Set for <c>workflow_run</c>.</summary>
    public WorkflowRunRef? WorkflowRun { get; init; }
}

/// <summary>A pull request as a payload describes it.</summary>
/// <param name="Number">The PR number.</param>
/// <param name="HeadSha">The PR head commit (not the merge commit in <c>GITHUB_SHA</c>).</param>
/// <param name="HeadRef">The head branch name.</param>
/// <param name="HeadRepository">The head repository's <c>owner/name</c>; null when unknown (e.g. a deleted fork).</param>
/// <param name="BaseRef">The base branch name.</param>
/// <param name="BaseSha">The base branch tip when the PR was last updated.</param>
/// <param name="BaseRepository">The base repository's <c>owner/name</c>, when known.</param>
/// <param name="Labels">Label names, ordinal order.</param>
public sealed record PullRequestRef(int Number, string HeadSha, string? HeadRef, string? HeadRepository, string? BaseRef, string? BaseSha, string? BaseRepository, ImmutableArray<string> Labels)
{
    /// <summary>True when the head lives in another repository than the base (a fork): its token is read-only.</summary>
    public bool IsFork => HeadRepository is null || BaseRepository is null
        ? false
        : !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A push as its payload describes it.</summary>
/// <param name="Ref">The full ref, e.g. <c>refs/heads/main</c>.</param>
/// <param name="After">The commit the ref points to now (all zeros when deleted).</param>
/// <param name="Deleted">True when the push deleted the ref.</param>
public sealed record PushRef(string Ref, string After, bool Deleted)
{
    /// <summary>The branch name when the ref is a branch, else null (tags).</summary>
    public string? Branch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : null;
}

/// <summary>The run that triggered a <c>workflow_run</c> event.</summary>
/// <param name="Id">The triggering run's id (its artifacts hold the head ProfileSet).</param>
/// <param name="Name">The triggering workflow's name.</param>
/// <param name="Event">The event that started the triggering run (<c>pull_request</c> for the capture workflow).</param>
/// <param name="Status">The run's status; only <c>completed</c> runs have artifacts to report on.</param>
/// <param name="Conclusion">The run's conclusion, when completed.</param>
/// <param name="HeadSha">The commit the triggering run ran on (the PR head for <c>pull_request</c> runs).</param>
/// <param name="HeadBranch">The triggering run's head branch.</param>
/// <param name="HeadRepository">The triggering run's head repository <c>owner/name</c> (the fork for fork PRs).</param>
/// <param name="PullRequests">PRs GitHub associated with the run; empty for fork PRs.</param>
public sealed record WorkflowRunRef(long Id, string? Name, string? Event, string? Status, string? Conclusion, string HeadSha, string? HeadBranch, string? HeadRepository, ImmutableArray<PullRequestRef> PullRequests);
