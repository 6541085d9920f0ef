using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.GitHub.Events;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

public sealed class ActionsEventReaderTests
{
    [ContractFact]
    public void Reads_pull_request_opened_and_synchronize()
    {
        foreach (var action in new[] { "opened", "synchronize" })
        {
            var payload = Webhooks.PullRequest(action);
            var e = Read(payload.ToJsonString(), "pull_request");
            Assert.Equal(action, e.Action);
            Assert.NotNull(e.PullRequest);
            Assert.Equal(2, e.PullRequest.Number);
            Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", e.PullRequest.HeadSha);
            Assert.Equal("master", e.PullRequest.BaseRef);
            Assert.Equal("Codertocat/Hello-World", e.PullRequest.HeadRepository);
            Assert.False(e.PullRequest.IsFork);
        }
    }

    [ContractFact]
    public void A_pull_request_from_another_repository_is_a_fork()
    {
        var payload = Webhooks.PullRequest("opened");
        payload["pull_request"]!["head"]!["repo"]!["full_name"] = "contributor/Hello-World";
        Assert.True(Read(payload.ToJsonString(), "pull_request").PullRequest!.IsFork);
    }

    [ContractFact]
    public void Reads_labels_of_a_labeled_pull_request()
    {
        var payload = Webhooks.Examples("pull_request", x => x["pull_request"]!["labels"]!.AsArray().Count > 0).First();
        var e = Read(payload.ToJsonString(), "pull_request");
        Assert.Contains("bug", e.PullRequest!.Labels);
    }

    [ContractFact]
    public void Reads_a_push_to_a_branch()
    {
        var e = Read(Webhooks.PushToBranch().ToJsonString(), "push");
        Assert.Equal("master", e.Push!.Branch);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", e.Push.After);
        Assert.Null(e.PullRequest);
    }

    [ContractFact]
    public void Reads_workflow_run_completed_with_and_without_pull_requests()
    {
        var fork = Read(Webhooks.WorkflowRunCompleted(withPullRequests: false).ToJsonString(), "workflow_run").WorkflowRun!;
        Assert.Equal(289782451, fork.Id);
        Assert.Equal("completed", fork.Status);
        Assert.Equal("3484a3fb816e0859fd6e1cea078d76385ff50625", fork.HeadSha);
        Assert.Empty(fork.PullRequests);

        var same = Read(Webhooks.WorkflowRunCompleted(withPullRequests: true).ToJsonString(), "workflow_run").WorkflowRun!;
        var pr = Assert.Single(same.PullRequests);
        Assert.Equal(2, pr.Number);
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", pr.HeadSha);
        Assert.Equal("master", pr.BaseRef);
    }

    [Fact]
    public void Other_events_carry_no_details()
    {
        var e = Read("""{"action":"created","repository":{"full_name":"o/r"}}""", "issue_comment");
        Assert.Equal("o/r", e.Repository);
        Assert.Null(e.PullRequest);
        Assert.Null(e.Push);
        Assert.Null(e.WorkflowRun);
    }

    [Fact]
    public void Broken_json_is_one_line_naming_the_source()
    {
        var error = Assert.Throws<InputException>(() => Read("{\"pull_request\": ", "pull_request"));
        Assert.StartsWith("event.json: not valid JSON", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_payload_of_another_event_is_refused()
    {
        var error = Assert.Throws<InputException>(() => Read("""{"ref":"refs/heads/main"}""", "pull_request"));
        Assert.Contains("no 'pull_request' object", error.Message);
    }

    [Fact]
    public void A_missing_field_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => Read("""{"pull_request":{"number":3}}""", "pull_request"));
        Assert.Contains("pull_request payload without the expected fields", error.Message);
    }

    private static ActionsEvent Read(string json, string name) =>
        ActionsEventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), name, "event.json");
}
