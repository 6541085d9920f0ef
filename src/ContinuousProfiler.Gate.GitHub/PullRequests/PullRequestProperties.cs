namespace ContinuousProfiler.Gate.GitHub.PullRequests;

/// <summary>
/// The manifest <c>Properties</c> keys capture mode writes on a pull request, so a later
/// <c>workflow_run</c> job knows which PR the artifact belongs to. They are claims from untrusted
/// code: report mode checks them against the event and the API before using them.
/// </summary>
public static class PullRequestProperties
{
    /// <summary>The PR number.</summary>
    public const string Number = "github.pull_request.number";

    /// <summary>The PR's base branch.</summary>
    public const string BaseRef = "github.pull_request.base_ref";

    /// <summary>The PR's head commit (not the merge commit).</summary>
    public const string HeadSha = "github.pull_request.head_sha";

    /// <summary>The PR's head repository <c>owner/name</c>.</summary>
    public const string HeadRepository = "github.pull_request.head_repo";

    /// <summary>The repository the capture ran in.</summary>
    public const string Repository = "github.repository";

    /// <summary>The capture run's id.</summary>
    public const string RunId = "github.run_id";
}
