using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>
/// <c>profgate gate</c> end to end: real processes, the fake GitHub API checked against GitHub's OpenAPI
/// description, real webhook payloads (npm @octokit/webhooks-examples), real git history, and real
/// GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files.
/// </summary>
public sealed class GateEndToEndTests : IDisposable
{
    private readonly GateJob _job = new();

    public void Dispose() => _job.Dispose();

    [ContractFact]
    public void A_regression_creates_the_comment_exits_1_and_the_next_run_updates_the_same_comment()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        var head = _job.WriteHead(GateProfiles.Regressed);
        var output = Path.Combine(_job.Temp, "report");

        var render = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--stage", "render", "--head", head, "--store", "github:", "-o", output);
        Assert.True(render.ExitCode == 0, render.Log);
        Assert.Empty(_job.Api.Comments);
        Assert.Equal("fail", render.Outputs["verdict"]);
        Assert.NotEqual("0", render.Outputs["regressions"]);
        Assert.Equal(_job.BaseSha, render.Outputs["baseline-commit"]);
        Assert.True(File.Exists(render.Outputs["report-path"]));
        Assert.Equal(Path.Combine(output, "report.html"), render.Outputs["report-path"]);
        Assert.Contains("Parser.Parse", File.ReadAllText(_job.Summary));

        const string reportUrl = "https://github.com/Codertocat/Hello-World/actions/runs/4001/artifacts/99";
        var publish = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--stage", "publish", "-o", output, "--report-url", reportUrl);
        Assert.True(publish.ExitCode == 1, publish.Log);
        Assert.Contains("::error title=profgate::", publish.StdOut);
        var comment = Assert.Single(_job.Api.Comments);
        Assert.Equal(GateJob.PullNumber, comment.IssueNumber);
        Assert.StartsWith("<!-- profgate:comment group=default -->\n", comment.Body);
        Assert.Contains("Parser.Parse", comment.Body);
        Assert.Contains(reportUrl, comment.Body);
        Assert.DoesNotContain("profgate.invalid", comment.Body);

        // A new push fixes it: the same comment is updated, and the gate passes.
        var fixedHead = _job.WriteHead(GateProfiles.Steady);
        var second = _job.Run("pull_request", _job.PullRequestPayload("synchronize"), "--head", fixedHead, "--store", "github:", "-o", Path.Combine(_job.Temp, "report2"));
        Assert.True(second.ExitCode == 0, second.Log);
        Assert.Equal("pass", second.Outputs["verdict"]);
        var updated = Assert.Single(_job.Api.Comments);
        Assert.Equal(comment.Id, updated.Id);
        Assert.NotEqual(comment.Body, updated.Body);
        Assert.Contains("updated the comment", second.StdOut);
        Assert.Empty(_job.Api.Statuses);
        _job.AssertContract();
    }

    [ContractFact]
    public void On_change_stays_quiet_when_nothing_changed()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        var steady = _job.WriteHead(GateProfiles.Steady);
        var regressed = _job.WriteHead(GateProfiles.Regressed);
        string[] Args(string head, int n) => ["--head", head, "--store", "github:", "-o", Path.Combine(_job.Temp, $"out{n}"), "--comment", "on-change"];

        var clean = _job.Run("pull_request", _job.PullRequestPayload("opened"), Args(steady, 1));
        Assert.True(clean.ExitCode == 0, clean.Log);
        Assert.Empty(_job.Api.Comments);
        Assert.Contains("nothing to report", clean.StdOut);

        var failing = _job.Run("pull_request", _job.PullRequestPayload("synchronize"), Args(regressed, 2));
        Assert.Equal(1, failing.ExitCode);
        var comment = Assert.Single(_job.Api.Comments);

        var writesBefore = _job.Api.Exchanges.Count(e => e.Method is "POST" or "PATCH");
        var again = _job.Run("pull_request", _job.PullRequestPayload("synchronize"), Args(regressed, 3));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is up to date", again.StdOut);
        Assert.Equal(writesBefore, _job.Api.Exchanges.Count(e => e.Method is "POST" or "PATCH"));
        Assert.Equal(comment, Assert.Single(_job.Api.Comments));
        _job.AssertContract();
    }

    [ContractFact]
    public void A_fork_pull_request_whose_token_cannot_comment_passes_and_says_how_to_fix_it()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(fork: new FakeRepository(2, "contributor", "Hello-World"));
        _job.Api.FailWhen(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal), FakeResponse.Forbidden());
        var payload = _job.PullRequestPayload("opened");
        payload["pull_request"]!["head"]!["repo"]!["full_name"] = "contributor/Hello-World";

        var run = _job.Run("pull_request", payload, "--head", _job.WriteHead(GateProfiles.Steady), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal("pass", run.Outputs["verdict"]);
        Assert.Contains("::warning title=profgate::", run.StdOut);
        Assert.Contains("Resource not accessible by integration", run.StdOut);
        var summary = File.ReadAllText(_job.Summary);
        Assert.Contains("two-workflow setup", summary);
        Assert.Contains("mode: report", summary);
        Assert.Empty(_job.Api.Comments);
        _job.AssertContract();
    }

    [ContractFact]
    public void A_regression_on_a_fork_whose_token_cannot_comment_still_fails_on_the_regression_alone()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        _job.Api.FailWhen(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal), FakeResponse.Forbidden());
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("two-workflow setup", File.ReadAllText(_job.Summary));
    }

    [ContractFact]
    public void No_baseline_is_a_normal_outcome_that_passes_and_says_why()
    {
        _job.AddPullRequest();
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal("none", run.Outputs["verdict"]);
        Assert.Equal("0", run.Outputs["regressions"]);
        Assert.Equal("", run.Outputs["baseline-commit"]);
        Assert.Contains("no baseline", run.StdOut);
        var comment = Assert.Single(_job.Api.Comments);
        Assert.Contains("baseline", comment.Body, StringComparison.OrdinalIgnoreCase);
        _job.AssertContract();
    }

    [ContractFact]
    public void The_accept_label_turns_the_regression_into_an_accepted_finding_and_passes()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(labels: ["profgate:accept"]);
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal("pass", run.Outputs["verdict"]);
        Assert.Contains("accepted", Assert.Single(_job.Api.Comments).Body, StringComparison.OrdinalIgnoreCase);
        _job.AssertContract();
    }

    [ContractFact]
    public void A_commit_trailer_accepts_only_the_functions_it_matches()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(default, null, null, "Rewrite the parser\n\nIt is slower for now.\n\nProfgate-Accept: Parser.*");
        var accepted = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out1"));
        Assert.True(accepted.ExitCode == 0, accepted.Log);
        Assert.Equal("pass", accepted.Outputs["verdict"]);
    }

    [ContractFact]
    public void A_trailer_for_another_function_accepts_nothing()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest(default, null, null, "Tweak\n\nProfgate-Accept: Renderer.*");
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("fail", run.Outputs["verdict"]);
    }

    [ContractFact]
    public void Comment_never_posts_nothing_but_still_gates()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Regressed), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"), "--comment", "never", "--fail-on-regression", "false");
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal("fail", run.Outputs["verdict"]);
        Assert.Empty(_job.Api.Comments);
        Assert.DoesNotContain(_job.Api.Exchanges, e => e.Path.Contains("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_actions_with_an_explicit_base_the_gate_judges_exactly_like_diff()
    {
        var baseSet = _job.WriteHead(GateProfiles.Steady);
        var head = _job.WriteHead(GateProfiles.Regressed);
        var output = Path.Combine(_job.Temp, "local");
        var noActions = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["GITHUB_EVENT_NAME"] = null, ["GITHUB_EVENT_PATH"] = null, ["GITHUB_REPOSITORY"] = null, ["GITHUB_TOKEN"] = null, ["GITHUB_OUTPUT"] = null, ["GITHUB_STEP_SUMMARY"] = null };
        var gate = ProfgateProcess.Run(_job.Workspace, ["gate", "--base", baseSet, "--head", head, "-o", output], noActions);
        var diff = ProfgateProcess.Run(_job.Workspace, ["diff", baseSet, head, "--format", "json"], noActions);
        Assert.True(gate.ExitCode == 1, gate.StdOut + gate.StdErr);
        Assert.Equal(diff.ExitCode, gate.ExitCode);
        Assert.Contains("no pull request to report on", gate.StdOut);
        Assert.Contains("nothing to comment on", gate.StdOut);
        var findings = System.Text.Json.Nodes.JsonNode.Parse(diff.StdOut)!["findings"]!.AsArray();
        var failing = findings.Where(f => (string?)f!["level"] == "fail").Select(f => (string?)f!["function"]).ToList();
        var result = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "gate-result.json")))!;
        Assert.Equal(failing.Count, (int)result["regressions"]!);
        Assert.Contains("Parser.Parse", failing);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "summary.md")));
        Assert.StartsWith("<!-- profgate:comment group=default -->", File.ReadAllText(Path.Combine(output, "comment.md")));
    }

    [ContractFact]
    public void A_comment_api_failure_other_than_403_is_one_line_and_exit_2()
    {
        _job.AddBaseline(GateProfiles.Steady);
        _job.AddPullRequest();
        _job.Api.FailWhen(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal), FakeResponse.Error(422, "Validation Failed"));
        var run = _job.Run("pull_request", _job.PullRequestPayload("opened"), "--head", _job.WriteHead(GateProfiles.Steady), "--store", "github:", "-o", Path.Combine(_job.Temp, "out"));
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("profgate: GitHub rejected the request (422) while writing the comment on pull request #2", line);
    }
}
