using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Octokit;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.GitHub;

/// <summary>The fake GitHub API answers only routes and shapes GitHub's OpenAPI description has.</summary>
public sealed class FakeGitHubApiContractTests
{
    private const string Sha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    [ContractFact]
    public async Task Every_built_in_route_is_a_spec_operation_and_every_answer_validates()
    {
        using var api = new FakeGitHubApi();
        var fork = new FakeRepository(2, "forker", "app");
        var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, PullRequests = [2] });
        api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, Event = "pull_request", HeadBranch = "feature", HeadRepository = fork, Conclusion = null, Status = "in_progress" });
        var artifact = api.AddArtifact(run, $"profgate-{Sha}-bench", [1, 2, 3]);
        api.AddArtifact(run, "expired-one", [4], expired: true);
        api.AddPullRequest(new FakePullRequest { Number = 2, HeadSha = Sha, BaseSha = Sha, HeadRepository = fork, Labels = ["profgate:accept"], Commits = [new FakeCommit(Sha, "Speed up\n\nProfgate-Accept: Parser.*")] });
        var client = api.CreateClient();
        var (owner, name) = (api.Repository.Owner, api.Repository.Name);

        var listed = await client.Actions.Artifacts.ListArtifacts(owner, name, new ListArtifactsRequest { Name = artifact.Name });
        Assert.Equal(artifact.Id, Assert.Single(listed.Artifacts).Id);
        await client.Actions.Artifacts.ListWorkflowArtifacts(owner, name, run.Id, new ListArtifactsRequest { PerPage = 1 });
        Assert.Equal(Sha, (await client.Actions.Artifacts.GetArtifact(owner, name, artifact.Id)).WorkflowRun.HeadSha);
        await using (var zip = await client.Actions.Artifacts.DownloadArtifact(owner, name, artifact.Id, "zip"))
        {
            using var copy = new MemoryStream();
            await zip.CopyToAsync(copy);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }

        var runs = await client.Actions.Workflows.Runs.List(owner, name, new WorkflowRunsRequest { HeadSha = Sha, Event = "push", Branch = "main" });
        Assert.Equal(run.Id, Assert.Single(runs.WorkflowRuns).Id);
        Assert.Equal("push", (await client.Actions.Workflows.Runs.Get(owner, name, run.Id)).Event);

        var comment = await client.Issue.Comment.Create(owner, name, 2, "<!-- profgate -->\nfirst");
        await client.Issue.Comment.Update(owner, name, comment.Id, "<!-- profgate -->\nsecond");
        for (var i = 0; i < 35; i++)
        {
            api.AddComment(2, $"noise {i}");
        }

        var comments = await client.Issue.Comment.GetAllForIssue(owner, name, 2);
        Assert.Equal(36, comments.Count);
        Assert.Equal("<!-- profgate -->\nsecond", comments[0].Body);
        Assert.Equal("profgate:accept", Assert.Single(await client.Issue.Labels.GetAllForIssue(owner, name, 2)).Name);
        Assert.Equal(Sha, (await client.PullRequest.Get(owner, name, 2)).Head.Sha);
        Assert.Contains("Profgate-Accept", Assert.Single(await client.PullRequest.Commits(owner, name, 2)).Commit.Message, StringComparison.Ordinal);

        await client.Repository.Status.Create(owner, name, Sha, new NewCommitStatus { State = CommitState.Failure, Context = "profgate", Description = "1 regression", TargetUrl = "https://example.com/run" });
        Assert.Single(await client.Repository.Status.GetAll(owner, name, Sha));
        var check = await client.Check.Run.Create(owner, name, new NewCheckRun("profgate", Sha) { Status = CheckStatus.InProgress });
        await client.Check.Run.Update(owner, name, check.Id, new CheckRunUpdate { Conclusion = CheckConclusion.Failure, Output = new NewCheckRunOutput("1 regression", "Parser.ReadToken +12%") });
        Assert.Equal(CheckConclusion.Failure, Assert.Single((await client.Check.Run.GetAllForReference(owner, name, Sha)).CheckRuns).Conclusion!.Value.Value);

        var contract = GitHubContract.ForFake(api);
        Assert.Empty(contract.Check(api));
        var operations = api.Exchanges.Select(e => e.OperationId ?? "").Where(o => o.Length > 0).ToHashSet();
        Assert.Equal(api.Routes.Select(r => r.OperationId).ToHashSet(), operations);
    }

    [ContractFact]
    public void A_route_the_spec_does_not_have_is_caught()
    {
        using var api = new FakeGitHubApi();
        api.Map("GET", "/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/metadata", "actions/get-artifact-metadata", _ => FakeResponse.NoContent());
        api.Map("GET", "/repos/{owner}/{repo}/actions/artifacts/{id}", "actions/get-artifact", _ => FakeResponse.NoContent());
        api.Map("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", "issues/update-comment", _ => FakeResponse.NoContent());
        var violations = GitHubContract.CheckRoutes(api.Routes);
        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("/metadata (actions/get-artifact-metadata) is not in GitHub's OpenAPI description", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("{id} (actions/get-artifact) is not in", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("claims issues/update-comment but the spec's operation there is issues/create-comment", StringComparison.Ordinal));
    }

    [ContractFact]
    public async Task A_drifted_response_shape_is_caught()
    {
        using var api = new FakeGitHubApi();
        var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        var artifact = api.AddArtifact(run, "a", [1]);
        api.Map("GET", "/repos/{owner}/{repo}/actions/artifacts/{artifact_id}", "actions/get-artifact", _ =>
        {
            var json = api.Shapes.Artifact(artifact, api.Repository, run);
            json.Remove("archive_download_url");
            json["download_url"] = "http://127.0.0.1/x";
            json["size_in_bytes"] = "one byte";
            return FakeResponse.Json(200, json);
        });
        using var http = new HttpClient();
        await http.GetAsync($"{api.BaseUrl}api/v3/repos/octo/app/actions/artifacts/{artifact.Id}");
        var violations = GitHubContract.ForFake(api).Check(api);
        Assert.Contains(violations, v => v.Contains("PropertyRequired: #/archive_download_url", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("IntegerExpected: #/size_in_bytes", StringComparison.Ordinal));
    }

    [ContractFact]
    public async Task Undocumented_statuses_query_parameters_and_bodies_are_caught()
    {
        using var api = new FakeGitHubApi();
        api.Map("GET", "/repos/{owner}/{repo}/actions/runs/{run_id}", "actions/get-workflow-run", _ => FakeResponse.Json(201, new System.Text.Json.Nodes.JsonObject()));
        api.Map("POST", "/repos/{owner}/{repo}/statuses/{sha}", "repos/create-commit-status", _ => FakeResponse.NoContent());
        var client = api.CreateClient();
        await client.Actions.Workflows.Runs.Get("octo", "app", 5);
        using var http = new HttpClient();
        await http.GetAsync($"{api.BaseUrl}repos/octo/app/actions/artifacts?colour=red");
        await http.PostAsync($"{api.BaseUrl}repos/octo/app/statuses/{Sha}", new StringContent("""{"state": "purple"}"""));
        await http.GetAsync($"{api.BaseUrl}repos/octo/app/teleport");
        var violations = GitHubContract.ForFake(api).Check(api);
        Assert.Contains(violations, v => v.Contains("status 201 is not a documented response of actions/get-workflow-run", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("query parameter 'colour' is not a parameter of actions/list-artifacts-for-repo", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("request body: NotInEnumeration: #/state", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("status 204 is not a documented response of repos/create-commit-status", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("GET /repos/octo/app/teleport → 404: the code under test called a route the fake does not implement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redirected_downloads_go_to_another_host_without_the_token()
    {
        using var api = new FakeGitHubApi();
        var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        var artifact = api.AddArtifact(run, "a", [9, 9]);
        await using var stream = await api.CreateClient().Actions.Artifacts.DownloadArtifact("octo", "app", artifact.Id, "zip");
        var api302 = Assert.Single(api.Exchanges, e => e.OperationId == "actions/download-artifact");
        Assert.True(api302.HadAuthorization);
        Assert.Equal(302, api302.Status);
        Assert.Equal(("localhost", false), Assert.Single(api.BlobDownloads));
    }

    [Fact]
    public async Task A_client_that_forwards_the_token_is_seen()
    {
        // Proves the blob check can fail: a naive client that re-sends Authorization is recorded as doing so.
        using var api = new FakeGitHubApi();
        var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        var artifact = api.AddArtifact(run, "a", [9]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{api.BaseUrl}repos/octo/app/actions/artifacts/{artifact.Id}/zip");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", "secret");
        var redirect = await http.SendAsync(request);
        using var follow = new HttpRequestMessage(HttpMethod.Get, redirect.Headers.Location);
        follow.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", "secret");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(follow)).StatusCode);
        Assert.Equal(("localhost", true), Assert.Single(api.BlobDownloads));
    }
}
