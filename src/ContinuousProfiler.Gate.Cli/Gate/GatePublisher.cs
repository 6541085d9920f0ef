using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.GitHub.Comments;
using ContinuousProfiler.Gate.GitHub.Statuses;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>
/// The publish stage: the PR comment (found by its marker, honouring the comment mode), the commit status
/// on the PR head in report mode, and the exit code. A token that may not write (403, typically a fork
/// PR in a single-workflow setup) is reported in the log and the job summary with the fix, and does not
/// fail the job by itself; any other API failure is exit 2.
/// </summary>
internal sealed class GatePublisher(CliContext context, ActionsEnvironment environment, GitHubSession? session)
{
    public int Publish(GateResult result, GateOptions options)
    {
        if (result.PullRequest is not { } pullRequest)
        {
            context.Out.WriteLine($"profgate: nothing to comment on: {result.NoPullRequestReason ?? "no pull request"}");
        }
        else
        {
            var reportUrl = CheckedUrl(options.ReportUrl);
            var targetUrl = reportUrl ?? result.RunUrl;
            if (options.Comment != CommentMode.Never)
            {
                Comment(result, pullRequest, reportUrl, options.Comment);
            }

            if (result.PostStatus)
            {
                Status(result, pullRequest, targetUrl, options.FailOnRegression);
            }
        }

        if (result.Verdict == "fail")
        {
            var message = $"{result.StatusDescription} (report: {result.ReportPath})";
            context.Out.WriteLine(environment.IsActions ? WorkflowCommands.Error(message, "profgate") : $"profgate: {message}");
            if (!options.FailOnRegression)
            {
                context.Out.WriteLine("profgate: not failing the step: fail-on-regression is false");
            }
        }

        return result.Verdict == "fail" && options.FailOnRegression ? ExitCodes.Regression : ExitCodes.Pass;
    }

    private void Comment(GateResult result, GatePullRequest pullRequest, string? reportUrl, CommentMode mode)
    {
        var client = Session("write the pull request comment").Comments;
        var body = reportUrl is null
            ? result.CommentWithoutReport
            : result.Comment.Replace(GateResult.ReportUrlPlaceholder, reportUrl, StringComparison.Ordinal);
        CommentOutcome outcome;
        try
        {
            outcome = new CommentUpserter(client).Upsert(pullRequest.Number, result.Marker, body, result.Digest, result.HasNews, mode).GetAwaiter().GetResult();
        }
        catch (Exception e) when (GitHubErrors.IsApiFailure(e))
        {
            throw GitHubErrors.ToInputException(e, $"writing the comment on pull request #{pullRequest.Number}");
        }

        if (outcome.Action == CommentAction.Forbidden)
        {
            Refused(PermissionAdvice.ForkComment(pullRequest.Number, outcome.Message ?? "Forbidden"));
            return;
        }

        context.Out.WriteLine(outcome.Action switch
        {
            CommentAction.Created => $"profgate: created the comment on pull request #{pullRequest.Number}: {outcome.HtmlUrl}",
            CommentAction.Updated => $"profgate: updated the comment on pull request #{pullRequest.Number}: {outcome.HtmlUrl}",
            CommentAction.Unchanged => $"profgate: the comment on pull request #{pullRequest.Number} is up to date: {outcome.HtmlUrl}",
            CommentAction.Quiet => $"profgate: no comment on pull request #{pullRequest.Number} (comment: on-change, nothing to report)",
            _ => "profgate: comments are off (comment: never)",
        });
    }

    private void Status(GateResult result, GatePullRequest pullRequest, string? targetUrl, bool failOnRegression)
    {
        var state = result.Verdict == "fail" && failOnRegression ? CommitStatusState.Failure : CommitStatusState.Success;
        var description = result.Verdict == "fail" && !failOnRegression ? result.StatusDescription + " (not failing)" : result.StatusDescription;
        var status = new CommitStatus(state, $"profgate / {result.Group}", description, targetUrl);
        try
        {
            Session("set the commit status").Statuses.Create(pullRequest.HeadSha, status).GetAwaiter().GetResult();
            context.Out.WriteLine($"profgate: set status '{status.Context}' to {state.ToString().ToLowerInvariant()} on {pullRequest.HeadSha}");
        }
        catch (Exception e) when (GitHubErrors.IsPermissionDenied(e))
        {
            Refused($"profgate could not set the commit status on {pullRequest.HeadSha}: GitHub refused with 403 ({e.Message.TrimEnd('.')}). Give the report workflow `permissions: statuses: write`. The verdict above still applies.");
        }
        catch (Exception e) when (GitHubErrors.IsApiFailure(e))
        {
            throw GitHubErrors.ToInputException(e, $"setting the commit status on {pullRequest.HeadSha}");
        }
    }

    private void Refused(string advice)
    {
        context.Out.WriteLine(environment.IsActions ? WorkflowCommands.Warning(advice, "profgate") : $"profgate: {advice}");
        if (environment.StepSummary is { } summary)
        {
            JobSummaryWriter.Append($"\n> [!WARNING]\n> {advice}\n", summary);
        }
    }

    private GitHubSession Session(string what) => session
        ?? throw new InputException($"cannot {what}: no repository or token; set GITHUB_REPOSITORY and GITHUB_TOKEN (the action's github-token input), pass --repo and --token, or use --comment never");

    private string? CheckedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        // The link goes into Markdown verbatim, so only plain http(s) URLs are taken.
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '"' or '\'' or '[' or ']'))
        {
            return url;
        }

        context.Out.WriteLine(WorkflowCommands.Warning($"--report-url '{url}' is not a plain http(s) URL; the comment links to the run instead", "profgate"));
        return null;
    }
}
