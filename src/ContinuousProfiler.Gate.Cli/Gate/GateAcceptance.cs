using ContinuousProfiler.Gate.GitHub.Accept;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.GitHub.PullRequests;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>Reads a PR's accept request: its current labels and its commits' trailers, through the API.</summary>
internal static class GateAcceptance
{
    /// <summary>
    /// The request for <paramref name="pullRequest"/>. Labels come from the API (a label added after the event
    /// counts on a re-run), falling back to the event's; without API access trailers cannot be read, which is logged.
    /// </summary>
    public static AcceptRequest Read(PullRequestTarget pullRequest, GitHubSession? session, CliContext context)
    {
        if (session is null)
        {
            return AcceptRequest.From(pullRequest.Labels, []);
        }

        try
        {
            var details = session.PullRequests.Get(pullRequest.Number).GetAwaiter().GetResult();
            var messages = session.PullRequests.CommitMessages(pullRequest.Number).GetAwaiter().GetResult();
            return AcceptRequest.From(details.Labels, messages);
        }
        catch (Exception e) when (GitHubErrors.IsApiFailure(e))
        {
            context.Out.WriteLine(WorkflowCommands.Warning(
                $"{GitHubErrors.Describe(e, $"reading the labels and commits of pull request #{pullRequest.Number}")}; only the event's labels are used for {AcceptRequest.LabelName}, commit trailers are not",
                "profgate"));
            return AcceptRequest.From(pullRequest.Labels, []);
        }
    }
}
