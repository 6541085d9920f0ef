using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.GitHub.Events;

namespace ContinuousProfiler.Gate.GitHub.PullRequests;

/// <summary>
/// Finds the pull request a gate run reports on. On <c>pull_request</c> the payload says it. On
/// <c>workflow_run</c> (the trusted half of the fork-safe setup) the payload's <c>pull_requests</c>
/// list is empty for forks, so the PR number comes from the head artifact's manifest — untrusted —
/// and is accepted only when the API confirms that PR's head is the commit and repository the
/// triggering run actually ran on.
/// </summary>
public sealed class PullRequestResolver(IPullRequestClient? client, GitHubRepository? repository)
{
    /// <summary>Resolves the PR for <paramref name="actionsEvent"/>; <paramref name="headProperties"/> are the head manifest's properties.</summary>
    public async Task<PullRequestResolution> Resolve(ActionsEvent? actionsEvent, IReadOnlyDictionary<string, string> headProperties)
    {
        if (actionsEvent is null)
        {
            return PullRequestResolution.None("no GitHub event (GITHUB_EVENT_NAME/GITHUB_EVENT_PATH unset): not a pull request run");
        }

        if (actionsEvent.PullRequest is { } pr)
        {
            return PullRequestResolution.Found(new PullRequestTarget(
                pr.Number, pr.HeadSha, pr.BaseRef ?? throw new InputException("event payload: pull_request.base.ref is missing"), pr.IsFork, pr.Labels, $"{actionsEvent.Name} event"));
        }

        if (actionsEvent.WorkflowRun is { } run)
        {
            return await FromWorkflowRun(run, headProperties).ConfigureAwait(false);
        }

        return PullRequestResolution.None($"a {actionsEvent.Name} event has no pull request to report on");
    }

    private async Task<PullRequestResolution> FromWorkflowRun(WorkflowRunRef run, IReadOnlyDictionary<string, string> properties)
    {
        if (run.Event is not ("pull_request" or "pull_request_target"))
        {
            return PullRequestResolution.None($"the triggering run (#{run.Id}) ran for a {run.Event ?? "unknown"} event, not a pull request");
        }

        if (properties.TryGetValue(PullRequestProperties.HeadSha, out var claimedSha) && !string.Equals(claimedSha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"head artifact: its manifest says head commit {claimedSha}, but the triggering run #{run.Id} ran on {run.HeadSha}; refusing an artifact that does not belong to the run");
        }

        var number = run.PullRequests.FirstOrDefault(p => string.Equals(p.HeadSha, run.HeadSha, StringComparison.OrdinalIgnoreCase))?.Number
            ?? ClaimedNumber(properties, run);
        if (client is null || repository is null)
        {
            throw new InputException("report mode needs the GitHub API to verify the pull request: set GITHUB_REPOSITORY and GITHUB_TOKEN (the action's github-token input), or pass --repo and --token");
        }

        PullRequestDetails details;
        try
        {
            details = await client.Get(number).ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubErrors.IsApiFailure(e))
        {
            throw GitHubErrors.ToInputException(e, $"reading pull request #{number} to verify the head artifact");
        }

        if (!string.Equals(details.BaseRepository, repository.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"head artifact: pull request #{number} targets {details.BaseRepository}, not {repository}; refusing");
        }

        if (run.HeadRepository is not null && details.HeadRepository is not null
            && !string.Equals(run.HeadRepository, details.HeadRepository, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"head artifact: it names pull request #{number}, whose head is in {details.HeadRepository}, but the triggering run came from {run.HeadRepository}; refusing");
        }

        if (!string.Equals(details.HeadSha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return PullRequestResolution.None($"pull request #{number} has moved on to {Short(details.HeadSha)}; the results for {Short(run.HeadSha)} are stale and the newer run reports instead");
        }

        var isFork = details.HeadRepository is null || !string.Equals(details.HeadRepository, details.BaseRepository, StringComparison.OrdinalIgnoreCase);
        return PullRequestResolution.Found(new PullRequestTarget(number, run.HeadSha, details.BaseRef, isFork, details.Labels, "workflow_run artifact, verified through the API"));
    }

    private static int ClaimedNumber(IReadOnlyDictionary<string, string> properties, WorkflowRunRef run) =>
        properties.TryGetValue(PullRequestProperties.Number, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new InputException(
                $"head artifact of run #{run.Id}: its manifest has no pull request number ({PullRequestProperties.Number}); " +
                "the pull_request workflow must run the profgate action with mode: capture, which records it");

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
