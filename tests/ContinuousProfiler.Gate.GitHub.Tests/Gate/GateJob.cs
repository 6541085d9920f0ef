using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;

namespace ContinuousProfiler.Gate.GitHub.Tests.Gate;

/// <summary>
/// One simulated CI job for <c>profgate gate</c>: the fake GitHub API (as the webhook examples'
/// Codertocat/Hello-World), a real git repository with a base commit on main and a PR head commit,
/// baselines stored as artifacts of push runs, and the real profgate run as a process with the
/// runner's variables and real GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files.
/// </summary>
public sealed class GateJob : IDisposable
{
    public const int PullNumber = 2;

    private readonly TempDir _temp = new("profgate-gate");
    private int _runs;

    public GateJob()
    {
        Origin = new GitRepo("profgate-origin");
        Origin.Write("app.txt", "base\n");
        BaseSha = Origin.Commit("base");
        Origin.Git("checkout", "-q", "-b", "feature");
        Origin.Write("app.txt", "head\n");
        HeadSha = Origin.Commit("a change\n\nProfgate-Accept: nothing.matches.this");
        Origin.Git("checkout", "-q", "main");
        Workspace = Origin.Path;
    }

    public FakeGitHubApi Api { get; } = new("Codertocat", "Hello-World");

    public GitRepo Origin { get; }

    public string BaseSha { get; }

    public string HeadSha { get; }

    /// <summary>Where profgate runs (the checkout).</summary>
    public string Workspace { get; set; }

    public string Summary => _temp.File("step-summary.md");

    public string Temp => _temp.Path;

    /// <summary>Stores a baseline for <see cref="BaseSha"/> as the artifact of a push run on main.</summary>
    public void AddBaseline(Func<int, string> folded, int runs = 3, string group = "default")
    {
        var directory = WriteSet($"baseline-{Guid.NewGuid():N}", folded, runs, BaseSha, group, ImmutableSortedDictionary<string, string>.Empty);
        var run = Api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = BaseSha, Event = "push", HeadBranch = "main" });
        Api.AddArtifact(run, $"profgate-{BaseSha}-{group}", Zip(directory));
    }

    /// <summary>Writes head's ProfileSet and returns its folder.</summary>
    public string WriteHead(Func<int, string> folded, int runs = 3, IDictionary<string, string>? properties = null, string group = "default") =>
        WriteSet($"head-{Guid.NewGuid():N}", folded, runs, HeadSha, group, (properties ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>The PR as the API knows it.</summary>
    public void AddPullRequest(ImmutableArray<string> labels = default, FakeRepository? fork = null, string? headSha = null, params string[] commitMessages) =>
        Api.AddPullRequest(new FakePullRequest
        {
            Number = PullNumber,
            HeadSha = headSha ?? HeadSha,
            BaseSha = BaseSha,
            BaseRef = "main",
            HeadRepository = fork,
            Labels = labels.IsDefault ? [] : labels,
            Commits = [.. (commitMessages.Length == 0 ? ["a change"] : commitMessages).Select((m, i) => new FakeCommit(i == 0 ? HeadSha : new string((char)('a' + i), 40), m))],
        });

    /// <summary>
    /// Turns the job into the trusted half of the fork setup: the PR head lives only under
    /// <c>refs/pull/2/head</c> of origin, and profgate runs in a clone of origin's main that lacks it.
    /// </summary>
    public void UseDefaultBranchClone()
    {
        Origin.Git("update-ref", $"refs/pull/{PullNumber}/head", HeadSha);
        Origin.Git("branch", "-D", "feature");
        var clone = _temp.File("clone");
        var result = ProcessRunner.Run("git", ["clone", "-q", "--no-local", "--branch", "main", "--single-branch", Origin.Path, clone], _temp.Path);
        Xunit.Assert.True(result.ExitCode == 0, result.StdErr);
        Xunit.Assert.NotEqual(0, ProcessRunner.Run("git", ["cat-file", "-e", HeadSha + "^{commit}"], clone).ExitCode);
        Workspace = clone;
    }

    /// <summary>A real <c>workflow_run</c> completed payload of a fork PR's capture run (empty <c>pull_requests</c>).</summary>
    public System.Text.Json.Nodes.JsonObject ForkWorkflowRunPayload(long runId, string triggeringEvent = "pull_request")
    {
        var payload = Webhooks.WorkflowRunCompleted(withPullRequests: false);
        payload["repository"]!["full_name"] = Api.Repository.FullName;
        var run = payload["workflow_run"]!;
        run["id"] = runId;
        run["event"] = triggeringEvent;
        run["head_sha"] = HeadSha;
        run["head_branch"] = "feature";
        run["head_repository"]!["full_name"] = "contributor/Hello-World";
        return payload;
    }

    /// <summary>The properties capture mode writes into a PR's set.</summary>
    public Dictionary<string, string> PullRequestProperties(string? headSha = null) => new()
    {
        ["github.pull_request.number"] = PullNumber.ToString(CultureInfo.InvariantCulture),
        ["github.pull_request.base_ref"] = "main",
        ["github.pull_request.head_sha"] = headSha ?? HeadSha,
        ["github.pull_request.head_repo"] = "contributor/Hello-World",
    };

    /// <summary>A real <c>pull_request</c> payload pointing at this job's commits.</summary>
    public JsonObject PullRequestPayload(string action)
    {
        var payload = Webhooks.PullRequest(action);
        payload["number"] = PullNumber;
        var pr = payload["pull_request"]!;
        pr["head"]!["sha"] = HeadSha;
        pr["base"]!["ref"] = "main";
        pr["base"]!["sha"] = BaseSha;
        if (payload["after"] is not null)
        {
            payload["after"] = HeadSha;
        }

        return payload;
    }

    /// <summary>Runs <c>profgate gate</c> for <paramref name="eventName"/> with <paramref name="payload"/>.</summary>
    public GateRun Run(string eventName, JsonObject payload, params string[] args)
    {
        var n = ++_runs;
        var eventPath = _temp.File($"event-{n}.json");
        File.WriteAllText(eventPath, payload.ToJsonString());
        var output = _temp.File($"output-{n}");
        File.WriteAllText(output, "");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = Api.Repository.FullName,
            ["GITHUB_SHA"] = eventName == "workflow_run" ? BaseSha : new string('9', 40),
            ["GITHUB_REF"] = eventName == "workflow_run" ? "refs/heads/main" : $"refs/pull/{PullNumber}/merge",
            ["GITHUB_BASE_REF"] = eventName == "workflow_run" ? null : "main",
            ["GITHUB_HEAD_REF"] = null,
            ["GITHUB_RUN_ID"] = (4000 + n).ToString(CultureInfo.InvariantCulture),
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = Api.BaseUrl.TrimEnd('/'),
            ["GITHUB_TOKEN"] = FakeGitHubApi.DefaultToken,
            ["GH_TOKEN"] = null,
            ["GITHUB_STEP_SUMMARY"] = Summary,
            ["GITHUB_OUTPUT"] = output,
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        var result = ProfgateProcess.Run(Workspace, ["gate", .. args], environment, timeoutMs: 120_000);
        return new GateRun(result.ExitCode, result.StdOut, result.StdErr, CompositeActionRunner.ReadOutputs(File.ReadAllText(output)));
    }

    /// <summary>Asserts the fake answered nothing the GitHub OpenAPI description does not have.</summary>
    public void AssertContract() => Xunit.Assert.Empty(GitHubContract.ForFake(Api).Check(Api));

    public void Dispose()
    {
        Api.Dispose();
        Origin.Dispose();
        _temp.Dispose();
    }

    private string WriteSet(string name, Func<int, string> folded, int runs, string commit, string group, ImmutableSortedDictionary<string, string> properties)
    {
        var directory = _temp.File(name);
        var profiles = Enumerable.Range(0, runs).Select(i => TestProfiles.FromFolded(folded(i))).ToList<Profile>();
        ProfileSetWriter.Write(
            new ProfileSetManifest { Commit = commit, Group = group, Properties = properties },
            new Dictionary<string, IReadOnlyList<Profile>> { ["bench"] = profiles },
            directory);
        return directory;
    }

    private static byte[] Zip(string directory)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        return memory.ToArray();
    }
}

/// <summary>One profgate gate process: exit code, output and the step outputs it wrote.</summary>
public sealed record GateRun(int ExitCode, string StdOut, string StdErr, Dictionary<string, string> Outputs)
{
    public string Log => $"exit {ExitCode}\n{StdOut}\n{StdErr}";
}
