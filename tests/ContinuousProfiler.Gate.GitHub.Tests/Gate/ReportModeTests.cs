using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>
/// Report mode: <c>profgate gate</c> in a <c>workflow_run</c> job, where GITHUB_SHA is the default branch,
/// the payload's pull_requests list is empty for forks, and the head set is untrusted input.
/// </summary>
public sealed class ReportModeTests : IDisposable
{
    private static readonly FakeRepository Fork = new(2, "contributor", "Hello-World");
    private readonly GateJob _job = new();

    public void Dispose() => _job.Dispose();

    [ContractFact]
    public void A_fork_shaped_workflow_run_reports_on_the_right_pull_request_and_fails_its_head_commit()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: Fork);
        var head = _job.WriteHead(GateProfiles.Regressed, properties: _job.PullRequestProperties());

        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9001), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"), "--report-url", "https://github.com/Codertocat/Hello-World/actions/runs/4001/artifacts/7");
        Assert.True(run.ExitCode == 1, run.Log);
        Assert.Contains("pull request #2", run.StdOut);
        Assert.Contains("verified through the API", run.StdOut);
        Assert.Contains("fetched the head of pull request #2", run.StdOut);
        Assert.Equal(_job.BaseSha, run.Outputs["baseline-commit"]);
        var comment = Assert.Single(_job.Api.Comments);
        Assert.Equal(GateJob.PullNumber, comment.IssueNumber);
        Assert.Contains("Parser.Parse", comment.Body);
        var status = Assert.Single(_job.Api.Statuses);
        Assert.Equal(_job.HeadSha, status.Sha);
        Assert.Equal("failure", status.State);
        Assert.Equal("profgate / default", status.Context);
        Assert.Equal("https://github.com/Codertocat/Hello-World/actions/runs/4001/artifacts/7", status.TargetUrl);
        Assert.Contains(_job.Api.Exchanges, e => e.OperationId == "pulls/get");
        // The clone never checked out the PR: HEAD is still main.
        Assert.Equal(_job.BaseSha, ProcessRunner.Run("git", ["rev-parse", "HEAD"], _job.Workspace).StdOut.Trim());
        _job.AssertContract();
    }

    [ContractFact]
    public void A_passing_fork_run_sets_a_success_status()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: Fork);
        var head = _job.WriteHead(GateProfiles.Steady, properties: _job.PullRequestProperties());
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9002), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        var status = Assert.Single(_job.Api.Statuses);
        Assert.Equal("success", status.State);
        Assert.Equal(_job.HeadSha, status.Sha);
        Assert.StartsWith("https://github.com/Codertocat/Hello-World/actions/runs/", status.TargetUrl);
        _job.AssertContract();
    }

    [ContractFact]
    public void An_artifact_claiming_another_head_than_its_run_is_refused()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: Fork);
        var head = _job.WriteHead(GateProfiles.Steady, properties: _job.PullRequestProperties(headSha: new string('e', 40)));
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9003), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not belong to the run", run.StdErr);
        Assert.Empty(_job.Api.Comments);
        Assert.Empty(_job.Api.Statuses);
    }

    [ContractFact]
    public void An_artifact_naming_a_pull_request_from_another_fork_is_refused()
    {
        _job.UseDefaultBranchClone();
        _job.AddPullRequest(fork: new FakeRepository(3, "someone-else", "Hello-World"));
        var head = _job.WriteHead(GateProfiles.Steady, properties: _job.PullRequestProperties());
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9004), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("whose head is in someone-else/Hello-World", run.StdErr);
        Assert.Empty(_job.Api.Comments);
    }

    [ContractFact]
    public void Results_for_a_head_the_pull_request_moved_away_from_are_not_reported()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: Fork, headSha: new string('f', 40));
        var head = _job.WriteHead(GateProfiles.Regressed, properties: _job.PullRequestProperties());
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9005), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Contains("has moved on to fffffff", run.StdOut);
        Assert.Equal("skipped", run.Outputs["verdict"]);
        Assert.Equal("", run.Outputs["report-path"]);
        Assert.Empty(_job.Api.Comments);
        Assert.Empty(_job.Api.Statuses);
    }

    [ContractFact]
    public void A_workflow_run_of_a_push_has_nothing_to_report()
    {
        _job.AddBaseline(GateProfiles.Steady);
        var head = _job.WriteHead(GateProfiles.Steady);
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9006, triggeringEvent: "push"), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Contains("ran for a push event, not a pull request", run.StdOut);
        Assert.Empty(_job.Api.Comments);
        Assert.Empty(_job.Api.Statuses);
    }

    [ContractFact]
    public void Without_statuses_permission_the_report_still_comments_and_says_what_to_grant()
    {
        _job.UseDefaultBranchClone();
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: Fork);
        _job.Api.FailWhen(r => r.Method == "POST" && r.Path.Contains("/statuses/", StringComparison.Ordinal), FakeResponse.Forbidden());
        var head = _job.WriteHead(GateProfiles.Steady, properties: _job.PullRequestProperties());
        var run = _job.Run("workflow_run", _job.ForkWorkflowRunPayload(9007), "--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Single(_job.Api.Comments);
        Assert.Contains("statuses: write", File.ReadAllText(_job.Summary));
    }
}
