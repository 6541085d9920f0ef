using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>The fake's in-memory state and the built-in routes, each named by its OpenAPI operationId.</summary>
public sealed partial class FakeGitHubApi
{
    private const string Repo = "/repos/{owner}/{repo}";
    private readonly List<FakeWorkflowRun> _runs = [];
    private readonly List<FakeArtifact> _artifacts = [];
    private readonly List<FakePullRequest> _pulls = [];
    private readonly List<FakeComment> _comments = [];
    private readonly List<FakeStatus> _statuses = [];
    private readonly List<FakeCheckRun> _checkRuns = [];

    public IReadOnlyList<FakeWorkflowRun> WorkflowRuns { get { lock (_gate) { return [.. _runs]; } } }

    public IReadOnlyList<FakeArtifact> Artifacts { get { lock (_gate) { return [.. _artifacts]; } } }

    public IReadOnlyList<FakeComment> Comments { get { lock (_gate) { return [.. _comments]; } } }

    public IReadOnlyList<FakeStatus> Statuses { get { lock (_gate) { return [.. _statuses]; } } }

    public IReadOnlyList<FakeCheckRun> CheckRuns { get { lock (_gate) { return [.. _checkRuns]; } } }

    /// <summary>Adds a workflow run (id assigned when 0).</summary>
    public FakeWorkflowRun AddWorkflowRun(FakeWorkflowRun run)
    {
        run = run.Id == 0 ? run with { Id = NextId() } : run;
        lock (_gate)
        {
            _runs.Add(run);
        }

        return run;
    }

    /// <summary>Adds an artifact of <paramref name="run"/> holding <paramref name="zip"/>.</summary>
    public FakeArtifact AddArtifact(FakeWorkflowRun run, string name, byte[] zip, bool expired = false, DateTimeOffset? createdAt = null)
    {
        var created = createdAt ?? Epoch;
        var artifact = new FakeArtifact { Id = NextId(), Name = name, RunId = run.Id, Zip = zip, Expired = expired, CreatedAt = created, ExpiresAt = expired ? created.AddDays(1) : created.AddDays(90) };
        lock (_gate)
        {
            _artifacts.Add(artifact);
        }

        return artifact;
    }

    /// <summary>Adds a pull request.</summary>
    public FakePullRequest AddPullRequest(FakePullRequest pullRequest)
    {
        lock (_gate)
        {
            _pulls.Add(pullRequest);
        }

        return pullRequest;
    }

    /// <summary>Adds an existing comment (e.g. a previous run's).</summary>
    public FakeComment AddComment(int issueNumber, string body, string user = "github-actions[bot]")
    {
        var comment = new FakeComment(NextId(), issueNumber, body, user, Epoch, Epoch);
        lock (_gate)
        {
            _comments.Add(comment);
        }

        return comment;
    }

    private FakePullRequest? Pull(int number)
    {
        lock (_gate)
        {
            return _pulls.FirstOrDefault(p => p.Number == number);
        }
    }

    private FakeWorkflowRun? Run(long id)
    {
        lock (_gate)
        {
            return _runs.FirstOrDefault(r => r.Id == id);
        }
    }

    private bool IsThisRepository(FakeRequest request) =>
        string.Equals(request.Route["owner"], Repository.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Route["repo"], Repository.Name, StringComparison.OrdinalIgnoreCase);

    private void Add(string method, string template, string operationId, Func<FakeRequest, FakeResponse> handler) =>
        _routes.Add(new FakeRoute(method, template, operationId, request => IsThisRepository(request) ? handler(request) : FakeResponse.NotFound()));

    private void AddBuiltInRoutes()
    {
        Add("GET", Repo + "/actions/artifacts", "actions/list-artifacts-for-repo", r =>
            ArtifactPage(r, Artifacts.Where(a => !r.Query.TryGetValue("name", out var name) || a.Name == name)));
        Add("GET", Repo + "/actions/runs/{run_id}/artifacts", "actions/list-workflow-run-artifacts", r =>
            ArtifactPage(r, Artifacts.Where(a => a.RunId == r.RouteLong("run_id") && (!r.Query.TryGetValue("name", out var name) || a.Name == name))));
        Add("GET", Repo + "/actions/artifacts/{artifact_id}", "actions/get-artifact", r =>
            Artifacts.FirstOrDefault(a => a.Id == r.RouteLong("artifact_id")) is { } a
                ? FakeResponse.Json(200, Shapes.Artifact(a, Repository, Run(a.RunId)))
                : FakeResponse.NotFound());
        Add("GET", Repo + "/actions/artifacts/{artifact_id}/{archive_format}", "actions/download-artifact", r =>
            Artifacts.FirstOrDefault(a => a.Id == r.RouteLong("artifact_id")) is not { } a || r.Route["archive_format"] != "zip" ? FakeResponse.NotFound()
            : a.Expired ? FakeResponse.Error(410, "Artifact has expired")
            : FakeResponse.Redirect($"{BlobBase}{a.Id}.zip?sig=fake-signature"));
        Add("GET", Repo + "/actions/runs", "actions/list-workflow-runs-for-repo", ListRuns);
        Add("GET", Repo + "/actions/runs/{run_id}", "actions/get-workflow-run", r =>
            Run(r.RouteLong("run_id")) is { } run ? FakeResponse.Json(200, Shapes.WorkflowRun(run, Repository, Pull)) : FakeResponse.NotFound());

        Add("GET", Repo + "/issues/{issue_number}/comments", "issues/list-comments", r =>
        {
            var number = int.Parse(r.Route["issue_number"], CultureInfo.InvariantCulture);
            return Page(r, Comments.Where(c => c.IssueNumber == number).OrderBy(c => c.Id).Select(c => (JsonNode)Shapes.IssueComment(c, Repository)), items => items);
        });
        Add("POST", Repo + "/issues/{issue_number}/comments", "issues/create-comment", r =>
        {
            if (r.Json["body"]?.GetValue<string>() is not { } text)
            {
                return FakeResponse.Error(422, "Invalid request. \"body\" wasn't supplied.");
            }

            var comment = AddComment(int.Parse(r.Route["issue_number"], CultureInfo.InvariantCulture), text);
            return FakeResponse.Json(201, Shapes.IssueComment(comment, Repository));
        });
        Add("PATCH", Repo + "/issues/comments/{comment_id}", "issues/update-comment", r =>
        {
            var id = r.RouteLong("comment_id");
            lock (_gate)
            {
                var index = _comments.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    return FakeResponse.NotFound();
                }

                var text = r.Json["body"]?.GetValue<string>();
                if (text is null)
                {
                    return FakeResponse.Error(422, "Invalid request. \"body\" wasn't supplied.");
                }

                _comments[index] = _comments[index] with { Body = text, UpdatedAt = _comments[index].UpdatedAt.AddMinutes(1) };
                return FakeResponse.Json(200, Shapes.IssueComment(_comments[index], Repository));
            }
        });
        Add("GET", Repo + "/issues/{issue_number}/labels", "issues/list-labels-on-issue", r =>
            Pull(int.Parse(r.Route["issue_number"], CultureInfo.InvariantCulture)) is { } pr
                ? Page(r, pr.Labels.Select(l => (JsonNode)Shapes.Label(l, Repository)), items => items)
                : FakeResponse.NotFound());
        Add("GET", Repo + "/pulls/{pull_number}", "pulls/get", r =>
            Pull(int.Parse(r.Route["pull_number"], CultureInfo.InvariantCulture)) is { } pr ? FakeResponse.Json(200, Shapes.PullRequest(pr, Repository)) : FakeResponse.NotFound());
        Add("GET", Repo + "/pulls/{pull_number}/commits", "pulls/list-commits", r =>
            Pull(int.Parse(r.Route["pull_number"], CultureInfo.InvariantCulture)) is { } pr
                ? Page(r, pr.Commits.Select(c => (JsonNode)Shapes.Commit(c, Repository)), items => items)
                : FakeResponse.NotFound());

        Add("POST", Repo + "/statuses/{sha}", "repos/create-commit-status", r =>
        {
            var json = r.Json;
            var state = json["state"]?.GetValue<string>();
            if (state is not ("error" or "failure" or "pending" or "success"))
            {
                return FakeResponse.Error(422, "Validation Failed: state");
            }

            var status = new FakeStatus(NextId(), r.Route["sha"], state, json["context"]?.GetValue<string>() ?? "default",
                json["description"]?.GetValue<string>(), json["target_url"]?.GetValue<string>(), Epoch);
            lock (_gate)
            {
                _statuses.Add(status);
            }

            return FakeResponse.Json(201, Shapes.Status(status, Repository));
        });
        Add("GET", Repo + "/commits/{ref}/statuses", "repos/list-commit-statuses-for-ref", r =>
            Page(r, Statuses.Where(s => s.Sha == r.Route["ref"]).OrderByDescending(s => s.Id).Select(s => (JsonNode)Shapes.Status(s, Repository)), items => items));
        Add("POST", Repo + "/check-runs", "checks/create", r =>
        {
            var json = r.Json;
            if (json["name"]?.GetValue<string>() is not { } name || json["head_sha"]?.GetValue<string>() is not { } sha)
            {
                return FakeResponse.Error(422, "Validation Failed: name and head_sha are required");
            }

            var run = ApplyCheckRun(new FakeCheckRun { Id = NextId(), Name = name, HeadSha = sha }, json);
            lock (_gate)
            {
                _checkRuns.Add(run);
            }

            return FakeResponse.Json(201, Shapes.CheckRun(run, Repository));
        });
        Add("PATCH", Repo + "/check-runs/{check_run_id}", "checks/update", r =>
        {
            var id = r.RouteLong("check_run_id");
            lock (_gate)
            {
                var index = _checkRuns.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    return FakeResponse.NotFound();
                }

                _checkRuns[index] = ApplyCheckRun(_checkRuns[index], r.Json);
                return FakeResponse.Json(200, Shapes.CheckRun(_checkRuns[index], Repository));
            }
        });
        Add("GET", Repo + "/commits/{ref}/check-runs", "checks/list-for-ref", r =>
        {
            var runs = CheckRuns.Where(c => c.HeadSha == r.Route["ref"]).Select(c => (JsonNode)Shapes.CheckRun(c, Repository)).ToList();
            return Page(r, runs, items => new JsonObject { ["total_count"] = runs.Count, ["check_runs"] = items });
        });
    }

    private FakeResponse ServeBlob(string host, string path)
    {
        if (host != "localhost")
        {
            return FakeResponse.Error(400, "blobs are served on the blob host only");
        }

        var name = path["/_blobs/".Length..];
        var id = long.TryParse(name.Split('.')[0], CultureInfo.InvariantCulture, out var n) ? n : -1;
        return Artifacts.FirstOrDefault(a => a.Id == id) is { } artifact ? FakeResponse.Bytes(artifact.Zip) : FakeResponse.Error(404, "BlobNotFound");
    }

    private FakeResponse ArtifactPage(FakeRequest request, IEnumerable<FakeArtifact> artifacts)
    {
        var all = artifacts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToList();
        return Page(request, all.Select(a => (JsonNode)Shapes.Artifact(a, Repository, Run(a.RunId))), items => new JsonObject { ["total_count"] = all.Count, ["artifacts"] = items });
    }

    private FakeResponse ListRuns(FakeRequest request)
    {
        var runs = WorkflowRuns
            .Where(run => !request.Query.TryGetValue("branch", out var branch) || run.HeadBranch == branch)
            .Where(run => !request.Query.TryGetValue("event", out var e) || run.Event == e)
            .Where(run => !request.Query.TryGetValue("head_sha", out var sha) || run.HeadSha == sha)
            .Where(run => !request.Query.TryGetValue("status", out var status) || run.Status == status || run.Conclusion == status)
            .OrderByDescending(run => run.Id)
            .ToList();
        return Page(request, runs.Select(run => (JsonNode)Shapes.WorkflowRun(run, Repository, Pull)), items => new JsonObject { ["total_count"] = runs.Count, ["workflow_runs"] = items });
    }

    /// <summary>One page of a list (per_page default 30, max 100) with a <c>Link</c> header when there is more.</summary>
    private static FakeResponse Page(FakeRequest request, IEnumerable<JsonNode> items, Func<JsonArray, JsonNode> envelope)
    {
        var all = items.ToList();
        var perPage = Math.Clamp(request.QueryInt("per_page", 30), 1, 100);
        var page = Math.Max(1, request.QueryInt("page", 1));
        var slice = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage)]);
        var headers = new Dictionary<string, string>();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        if (page < last)
        {
            var query = string.Join('&', request.Query.Where(q => q.Key is not ("page" or "per_page")).OrderBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}").Append($"per_page={perPage}"));
            headers["Link"] = $"<{request.LinkBase}{request.Path}?{query}&page={page + 1}>; rel=\"next\", <{request.LinkBase}{request.Path}?{query}&page={last}>; rel=\"last\"";
        }

        return FakeResponse.Json(200, envelope(slice), headers);
    }

    private static FakeCheckRun ApplyCheckRun(FakeCheckRun run, JsonObject json)
    {
        var output = json["output"] as JsonObject;
        var conclusion = json["conclusion"]?.GetValue<string>() ?? run.Conclusion;
        var status = json["status"]?.GetValue<string>() ?? (conclusion is not null ? "completed" : run.Status);
        return run with
        {
            Name = json["name"]?.GetValue<string>() ?? run.Name,
            Status = status,
            Conclusion = conclusion,
            DetailsUrl = json["details_url"]?.GetValue<string>() ?? run.DetailsUrl,
            Title = output?["title"]?.GetValue<string>() ?? run.Title,
            Summary = output?["summary"]?.GetValue<string>() ?? run.Summary,
            Text = output?["text"]?.GetValue<string>() ?? run.Text,
            CompletedAt = status == "completed" ? run.CompletedAt ?? Epoch.AddMinutes(1) : run.CompletedAt,
        };
    }
}
