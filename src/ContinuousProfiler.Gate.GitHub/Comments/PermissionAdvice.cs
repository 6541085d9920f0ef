namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary>What to tell the user when the token may not comment or set statuses (typically a fork PR).</summary>
public static class PermissionAdvice
{
    /// <summary>One paragraph: what was refused, why, and the fix (the two-workflow setup).</summary>
    public static string ForkComment(int number, string githubMessage) =>
        $"profgate could not write its comment on PR #{number}: GitHub refused with 403 ({githubMessage.TrimEnd('.')}). " +
        "Pull requests from forks run with a read-only token, so no workflow they trigger can comment. " +
        "The verdict above still applies and this is not counted as a failure. " +
        "Fix: use the two-workflow setup — run the action with `mode: capture` in the `pull_request` workflow and with " +
        "`mode: report` in a `workflow_run` workflow that has `pull-requests: write` (see docs/action.md, \"Pull requests from forks\"). " +
        "For same-repository PRs, give the job `permissions: pull-requests: write`.";
}
