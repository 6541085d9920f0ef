using System.Globalization;
using System.Text.Json.Nodes;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>
/// Builds the JSON objects the fake returns, with every field GitHub's OpenAPI description marks as
/// required (the contract test proves it). URLs point at the fake itself, so they are real URIs.
/// </summary>
public sealed class GitHubShapes(string apiBase, string htmlBase)
{
    /// <summary>The API root, ending in <c>/</c>.</summary>
    public string ApiBase { get; } = apiBase;

    public JsonObject User(string login, long id) => new()
    {
        ["login"] = login,
        ["id"] = id,
        ["node_id"] = $"U_{id}",
        ["avatar_url"] = $"{htmlBase}avatars/{login}",
        ["gravatar_id"] = "",
        ["url"] = $"{ApiBase}users/{login}",
        ["html_url"] = $"{htmlBase}{login}",
        ["followers_url"] = $"{ApiBase}users/{login}/followers",
        ["following_url"] = $"{ApiBase}users/{login}/following{{/other_user}}",
        ["gists_url"] = $"{ApiBase}users/{login}/gists{{/gist_id}}",
        ["starred_url"] = $"{ApiBase}users/{login}/starred{{/owner}}{{/repo}}",
        ["subscriptions_url"] = $"{ApiBase}users/{login}/subscriptions",
        ["organizations_url"] = $"{ApiBase}users/{login}/orgs",
        ["repos_url"] = $"{ApiBase}users/{login}/repos",
        ["events_url"] = $"{ApiBase}users/{login}/events{{/privacy}}",
        ["received_events_url"] = $"{ApiBase}users/{login}/received_events",
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
    };

    /// <summary>The <c>minimal-repository</c> shape.</summary>
    public JsonObject MinimalRepository(FakeRepository repository)
    {
        var api = $"{ApiBase}repos/{repository.FullName}";
        var json = new JsonObject
        {
            ["id"] = repository.Id,
            ["node_id"] = $"R_{repository.Id}",
            ["name"] = repository.Name,
            ["full_name"] = repository.FullName,
            ["owner"] = User(repository.Owner, 1000 + repository.Id),
            ["private"] = false,
            ["html_url"] = $"{htmlBase}{repository.FullName}",
            ["description"] = null,
            ["fork"] = repository.Id != 1,
            ["url"] = api,
        };
        foreach (var (field, suffix) in RepositoryUrls)
        {
            json[field] = api + suffix;
        }

        return json;
    }

    /// <summary>The full <c>repository</c> shape (pull request heads and bases).</summary>
    public JsonObject Repository(FakeRepository repository)
    {
        var json = MinimalRepository(repository);
        json["clone_url"] = $"{htmlBase}{repository.FullName}.git";
        json["git_url"] = $"git://example.invalid/{repository.FullName}.git";
        json["ssh_url"] = $"git@example.invalid:{repository.FullName}.git";
        json["svn_url"] = $"{htmlBase}{repository.FullName}";
        json["mirror_url"] = null;
        json["homepage"] = null;
        json["language"] = "C#";
        json["default_branch"] = "main";
        foreach (var count in new[] { "forks", "forks_count", "open_issues", "open_issues_count", "size", "stargazers_count", "watchers", "watchers_count" })
        {
            json[count] = 0;
        }

        foreach (var flag in new[] { "has_downloads", "has_issues", "has_projects", "has_wiki" })
        {
            json[flag] = true;
        }

        json["has_pages"] = false;
        json["archived"] = false;
        json["disabled"] = false;
        json["license"] = null;
        json["pushed_at"] = Time(FakeGitHubApi.Epoch);
        json["created_at"] = Time(FakeGitHubApi.Epoch);
        json["updated_at"] = Time(FakeGitHubApi.Epoch);
        return json;
    }

    public JsonObject Artifact(FakeArtifact artifact, FakeRepository repository, FakeWorkflowRun? run)
    {
        var api = $"{ApiBase}repos/{repository.FullName}/actions/artifacts/{artifact.Id}";
        return new JsonObject
        {
            ["id"] = artifact.Id,
            ["node_id"] = $"MDg6QXJ0aWZhY3Q{artifact.Id}",
            ["name"] = artifact.Name,
            ["size_in_bytes"] = artifact.Zip.LongLength,
            ["url"] = api,
            ["archive_download_url"] = api + "/zip",
            ["expired"] = artifact.Expired,
            ["created_at"] = Time(artifact.CreatedAt),
            ["expires_at"] = Time(artifact.ExpiresAt),
            ["updated_at"] = Time(artifact.CreatedAt),
            ["workflow_run"] = run is null ? null : new JsonObject
            {
                ["id"] = run.Id,
                ["repository_id"] = repository.Id,
                ["head_repository_id"] = (run.HeadRepository ?? repository).Id,
                ["head_branch"] = run.HeadBranch,
                ["head_sha"] = run.HeadSha,
            },
        };
    }

    public JsonObject WorkflowRun(FakeWorkflowRun run, FakeRepository repository, Func<int, FakePullRequest?> pullRequest)
    {
        var api = $"{ApiBase}repos/{repository.FullName}/actions/runs/{run.Id}";
        var pulls = new JsonArray();
        foreach (var number in run.PullRequests)
        {
            if (pullRequest(number) is { } pr)
            {
                pulls.Add(PullRequestMinimal(pr, repository));
            }
        }

        return new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = "profgate",
            ["node_id"] = $"WFR_{run.Id}",
            ["head_branch"] = run.HeadBranch,
            ["head_sha"] = run.HeadSha,
            ["path"] = ".github/workflows/profgate.yml",
            ["display_title"] = $"run {run.Id}",
            ["run_number"] = run.Id,
            ["event"] = run.Event,
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["workflow_id"] = 7,
            ["url"] = api,
            ["html_url"] = $"{htmlBase}{repository.FullName}/actions/runs/{run.Id}",
            ["pull_requests"] = pulls,
            ["created_at"] = Time(run.CreatedAt),
            ["updated_at"] = Time(run.CreatedAt),
            ["jobs_url"] = api + "/jobs",
            ["logs_url"] = api + "/logs",
            ["check_suite_url"] = $"{ApiBase}repos/{repository.FullName}/check-suites/{run.Id}",
            ["artifacts_url"] = api + "/artifacts",
            ["cancel_url"] = api + "/cancel",
            ["rerun_url"] = api + "/rerun",
            ["workflow_url"] = $"{ApiBase}repos/{repository.FullName}/actions/workflows/7",
            ["head_commit"] = new JsonObject
            {
                ["id"] = run.HeadSha,
                ["tree_id"] = run.HeadSha,
                ["message"] = "commit",
                ["timestamp"] = Time(run.CreatedAt),
                ["author"] = new JsonObject { ["name"] = "Dev", ["email"] = "dev@example.com" },
                ["committer"] = new JsonObject { ["name"] = "Dev", ["email"] = "dev@example.com" },
            },
            ["repository"] = MinimalRepository(repository),
            ["head_repository"] = MinimalRepository(run.HeadRepository ?? repository),
        };
    }

    public JsonObject PullRequestMinimal(FakePullRequest pr, FakeRepository repository)
    {
        var head = pr.HeadRepository ?? repository;
        return new JsonObject
        {
            ["id"] = 5000 + pr.Number,
            ["number"] = pr.Number,
            ["url"] = $"{ApiBase}repos/{repository.FullName}/pulls/{pr.Number}",
            ["head"] = new JsonObject { ["ref"] = pr.HeadRef, ["sha"] = pr.HeadSha, ["repo"] = new JsonObject { ["id"] = head.Id, ["url"] = $"{ApiBase}repos/{head.FullName}", ["name"] = head.Name } },
            ["base"] = new JsonObject { ["ref"] = pr.BaseRef, ["sha"] = pr.BaseSha, ["repo"] = new JsonObject { ["id"] = repository.Id, ["url"] = $"{ApiBase}repos/{repository.FullName}", ["name"] = repository.Name } },
        };
    }

    public JsonObject PullRequest(FakePullRequest pr, FakeRepository repository)
    {
        var api = $"{ApiBase}repos/{repository.FullName}";
        var html = $"{htmlBase}{repository.FullName}/pull/{pr.Number}";
        var head = pr.HeadRepository ?? repository;
        JsonObject Link(string href) => new() { ["href"] = href };
        var labels = new JsonArray();
        foreach (var label in pr.Labels)
        {
            labels.Add(Label(label, repository));
        }

        return new JsonObject
        {
            ["url"] = $"{api}/pulls/{pr.Number}",
            ["id"] = 5000 + pr.Number,
            ["node_id"] = $"PR_{pr.Number}",
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = $"{api}/issues/{pr.Number}",
            ["commits_url"] = $"{api}/pulls/{pr.Number}/commits",
            ["review_comments_url"] = $"{api}/pulls/{pr.Number}/comments",
            ["review_comment_url"] = $"{api}/pulls/comments{{/number}}",
            ["comments_url"] = $"{api}/issues/{pr.Number}/comments",
            ["statuses_url"] = $"{api}/statuses/{pr.HeadSha}",
            ["number"] = pr.Number,
            ["state"] = "open",
            ["locked"] = false,
            ["title"] = pr.Title,
            ["user"] = User(head.Owner, 2000),
            ["body"] = null,
            ["labels"] = labels,
            ["milestone"] = null,
            ["created_at"] = Time(FakeGitHubApi.Epoch),
            ["updated_at"] = Time(FakeGitHubApi.Epoch),
            ["closed_at"] = null,
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            ["assignee"] = null,
            ["head"] = new JsonObject { ["label"] = $"{head.Owner}:{pr.HeadRef}", ["ref"] = pr.HeadRef, ["sha"] = pr.HeadSha, ["user"] = User(head.Owner, 2000), ["repo"] = Repository(head) },
            ["base"] = new JsonObject { ["label"] = $"{repository.Owner}:{pr.BaseRef}", ["ref"] = pr.BaseRef, ["sha"] = pr.BaseSha, ["user"] = User(repository.Owner, 1001), ["repo"] = Repository(repository) },
            ["_links"] = new JsonObject
            {
                ["self"] = Link($"{api}/pulls/{pr.Number}"),
                ["html"] = Link(html),
                ["issue"] = Link($"{api}/issues/{pr.Number}"),
                ["comments"] = Link($"{api}/issues/{pr.Number}/comments"),
                ["review_comments"] = Link($"{api}/pulls/{pr.Number}/comments"),
                ["review_comment"] = Link($"{api}/pulls/comments{{/number}}"),
                ["commits"] = Link($"{api}/pulls/{pr.Number}/commits"),
                ["statuses"] = Link($"{api}/statuses/{pr.HeadSha}"),
            },
            ["author_association"] = "CONTRIBUTOR",
            ["auto_merge"] = null,
            ["merged"] = false,
            ["mergeable"] = true,
            ["mergeable_state"] = "clean",
            ["merged_by"] = null,
            ["comments"] = 0,
            ["review_comments"] = 0,
            ["maintainer_can_modify"] = false,
            ["commits"] = pr.Commits.Length,
            ["additions"] = 1,
            ["deletions"] = 0,
            ["changed_files"] = 1,
        };
    }

    public JsonObject Commit(FakeCommit commit, FakeRepository repository)
    {
        var api = $"{ApiBase}repos/{repository.FullName}";
        return new JsonObject
        {
            ["url"] = $"{api}/commits/{commit.Sha}",
            ["sha"] = commit.Sha,
            ["node_id"] = $"C_{commit.Sha[..Math.Min(8, commit.Sha.Length)]}",
            ["html_url"] = $"{htmlBase}{repository.FullName}/commit/{commit.Sha}",
            ["comments_url"] = $"{api}/commits/{commit.Sha}/comments",
            ["commit"] = new JsonObject
            {
                ["url"] = $"{api}/git/commits/{commit.Sha}",
                ["author"] = new JsonObject { ["name"] = "Dev", ["email"] = "dev@example.com", ["date"] = Time(FakeGitHubApi.Epoch) },
                ["committer"] = new JsonObject { ["name"] = "Dev", ["email"] = "dev@example.com", ["date"] = Time(FakeGitHubApi.Epoch) },
                ["message"] = commit.Message,
                ["comment_count"] = 0,
                ["tree"] = new JsonObject { ["sha"] = commit.Sha, ["url"] = $"{api}/git/trees/{commit.Sha}" },
            },
            ["author"] = null,
            ["committer"] = null,
            ["parents"] = new JsonArray(),
        };
    }

    public JsonObject Label(string name, FakeRepository repository) => new()
    {
        ["id"] = 3000 + (name.GetHashCode(StringComparison.Ordinal) & 0xffff),
        ["node_id"] = $"LA_{name}",
        ["url"] = $"{ApiBase}repos/{repository.FullName}/labels/{Uri.EscapeDataString(name)}",
        ["name"] = name,
        ["description"] = null,
        ["color"] = "ededed",
        ["default"] = false,
    };

    public JsonObject IssueComment(FakeComment comment, FakeRepository repository) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = $"{ApiBase}repos/{repository.FullName}/issues/comments/{comment.Id}",
        ["html_url"] = $"{htmlBase}{repository.FullName}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{ApiBase}repos/{repository.FullName}/issues/{comment.IssueNumber}",
        ["body"] = comment.Body,
        ["user"] = User(comment.User, 41898282),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
        ["author_association"] = "NONE",
    };

    public JsonObject Status(FakeStatus status, FakeRepository repository) => new()
    {
        ["url"] = $"{ApiBase}repos/{repository.FullName}/statuses/{status.Sha}",
        ["avatar_url"] = null,
        ["id"] = status.Id,
        ["node_id"] = $"SC_{status.Id}",
        ["state"] = status.State,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["context"] = status.Context,
        ["created_at"] = Time(status.CreatedAt),
        ["updated_at"] = Time(status.CreatedAt),
        ["creator"] = User("github-actions[bot]", 41898282),
    };

    public JsonObject CheckRun(FakeCheckRun run, FakeRepository repository) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = $"CR_{run.Id}",
        ["head_sha"] = run.HeadSha,
        ["external_id"] = "",
        ["url"] = $"{ApiBase}repos/{repository.FullName}/check-runs/{run.Id}",
        ["html_url"] = $"{htmlBase}{repository.FullName}/runs/{run.Id}",
        ["details_url"] = run.DetailsUrl,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["started_at"] = Time(run.StartedAt),
        ["completed_at"] = run.CompletedAt is { } completed ? Time(completed) : null,
        ["output"] = new JsonObject
        {
            ["title"] = run.Title,
            ["summary"] = run.Summary,
            ["text"] = run.Text,
            ["annotations_count"] = 0,
            ["annotations_url"] = $"{ApiBase}repos/{repository.FullName}/check-runs/{run.Id}/annotations",
        },
        ["name"] = run.Name,
        ["check_suite"] = new JsonObject { ["id"] = 1 },
        ["app"] = null,
        ["pull_requests"] = new JsonArray(),
    };

    public static JsonObject Error(string message, string? documentation = "https://docs.github.com/rest") => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentation,
    };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly (string Field, string Suffix)[] RepositoryUrls =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
        ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"), ("languages_url", "/languages"),
        ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
    ];
}
