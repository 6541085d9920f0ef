using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>Finding the gate's earlier comment among others, over several pages, and API failures as one line.</summary>
public sealed class CommentUpsertTests : IDisposable
{
    private const string Marker = "<!-- profgate:comment group=default -->";
    private readonly GateJob _job = new();

    public void Dispose() => _job.Dispose();

    [ContractFact]
    public void The_earlier_comment_is_found_on_a_later_page_and_updated_not_duplicated()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        for (var i = 0; i < 130; i++)
        {
            _job.Api.AddComment(GateJob.PullNumber, $"comment {i}", "someone");
        }

        var ours = _job.Api.AddComment(GateJob.PullNumber, Marker + "\nolder result", "github-actions[bot]");
        var run = Gate("--head", _job.WriteHead(GateProfiles.Steady));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal(131, _job.Api.Comments.Count);
        var updated = _job.Api.Comments.Single(c => c.Id == ours.Id);
        Assert.NotEqual("older result", updated.Body.Split('\n')[1]);
        Assert.Contains(_job.Api.Exchanges, e => e.OperationId == "issues/list-comments" && e.Query.GetValueOrDefault("page") == "2");
        _job.AssertContract();
    }

    [ContractFact]
    public void A_persons_comment_with_the_marker_and_other_groups_comments_are_left_alone()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        var quoted = _job.Api.AddComment(GateJob.PullNumber, Marker + "\nI copied this", "mallory");
        var other = _job.Api.AddComment(GateJob.PullNumber, "<!-- profgate:comment group=other -->\nother group", "github-actions[bot]");
        var ours = _job.Api.AddComment(GateJob.PullNumber, Marker + "\nolder result", "github-actions[bot]");

        var run = Gate("--head", _job.WriteHead(GateProfiles.Steady));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal(quoted.Body, _job.Api.Comments.Single(c => c.Id == quoted.Id).Body);
        Assert.Equal(other.Body, _job.Api.Comments.Single(c => c.Id == other.Id).Body);
        Assert.NotEqual(ours.Body, _job.Api.Comments.Single(c => c.Id == ours.Id).Body);
        Assert.Equal(3, _job.Api.Comments.Count);
    }

    [ContractFact]
    public void Two_groups_keep_two_comments()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddBaseline(GateProfiles.Steady, group: "alloc");
        _job.AddPullRequest();
        Assert.Equal(0, Gate("--head", _job.WriteHead(GateProfiles.Steady)).ExitCode);
        Assert.Equal(0, Gate("--head", _job.WriteHead(GateProfiles.Steady, group: "alloc")).ExitCode);
        Assert.Equal(0, Gate("--head", _job.WriteHead(GateProfiles.Steady, group: "alloc")).ExitCode);
        Assert.Equal(
            ["<!-- profgate:comment group=alloc -->", Marker],
            _job.Api.Comments.Select(c => c.Body.Split('\n')[0]).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public void A_rate_limit_is_one_line_with_the_reset_time_and_exit_2()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        _job.Api.FailWhen(r => r.Path.EndsWith("/comments", StringComparison.Ordinal), FakeResponse.RateLimited(FakeGitHubApi.Epoch.AddMinutes(30)));
        var run = Gate("--head", _job.WriteHead(GateProfiles.Steady));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "profgate: GitHub API rate limit exceeded while writing the comment on pull request #2 (0/5000 left, resets at 2026-01-15 12:30:00Z); wait, or use a token with a higher limit",
            run.StdErr.Trim());
    }

    [ContractFact]
    public void A_rejected_token_is_one_line_and_exit_2()
    {
        _job.AddPullRequest();
        _job.Api.FailWhen(_ => true, FakeResponse.Error(401, "Bad credentials"));
        var run = Gate("--head", _job.WriteHead(GateProfiles.Steady));
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("profgate: ", line);
        Assert.Contains("401", line);
    }

    private GateRun Gate(params string[] args) =>
        _job.Run("pull_request", _job.PullRequestPayload("synchronize"), [.. args, "--store", "github:", "-o", Path.Combine(_job.Temp, $"out-{Guid.NewGuid():N}")]);
}
