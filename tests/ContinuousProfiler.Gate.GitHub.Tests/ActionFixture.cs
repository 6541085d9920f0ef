using System.Text.Json.Nodes;
using ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.GitHub.Tests;

/// <summary>
/// One simulated job running the repository's action.yml: a workspace, RUNNER_TEMP, the runner's
/// GITHUB_* variables, and handlers for the <c>uses:</c> steps that record what they were given
/// (upload-artifact checks that the path it would upload exists).
/// </summary>
public sealed class ActionFixture : IDisposable
{
    private readonly TempDir _dir = new("profgate-action");

    public ActionFixture(string eventName, JsonObject payload, string? workspace = null)
    {
        Workspace = workspace ?? Path.Combine(_dir.Path, "workspace");
        RunnerTemp = Path.Combine(_dir.Path, "runner-temp");
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(RunnerTemp);
        Runner = new CompositeActionRunner(Paths.InRepo("action.yml"), Paths.RepoRoot, Workspace, RunnerTemp) { Event = payload };
        Runner.GitHub["event_name"] = eventName;
        Runner.GitHub["token"] = "workflow-token";
        Runner.GitHub["repository"] = "Codertocat/Hello-World";
        Runner.GitHub["run_id"] = "777";
        Runner.GitHub["sha"] = "1111111111111111111111111111111111111111";
        Runner.Environment["GITHUB_ACTIONS"] = "true";
        Runner.Environment["GITHUB_EVENT_NAME"] = eventName;
        Runner.Environment["GITHUB_REPOSITORY"] = "Codertocat/Hello-World";
        Runner.Environment["GITHUB_RUN_ID"] = "777";
        Runner.Environment["GITHUB_SHA"] = "1111111111111111111111111111111111111111";
        Runner.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        Runner.Environment["RUNNER_OS"] = "Linux";
        Runner.Uses["actions/setup-dotnet"] = _ => [];
        Runner.Uses["actions/cache"] = with =>
        {
            Cache.Add(with);
            RestoreCache?.Invoke(with["path"]);
            return new() { ["cache-hit"] = RestoreCache is null ? "false" : "true" };
        };
        Runner.Uses["actions/upload-artifact"] = with =>
        {
            var path = with["path"];
            var exists = File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());
            Uploads.Add(new Upload(with["name"], path, with.GetValueOrDefault("retention-days"), exists, Order++));
            if (!exists)
            {
                throw new InvalidOperationException($"upload-artifact: nothing at '{path}' (if-no-files-found: error would fail the job)");
            }

            var url = $"https://github.com/Codertocat/Hello-World/actions/runs/777/artifacts/{1000 + Uploads.Count}";
            return new() { ["artifact-id"] = (1000 + Uploads.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), ["artifact-url"] = url };
        };
        Runner.Uses["actions/download-artifact"] = with =>
        {
            Downloads.Add(with);
            DownloadInto?.Invoke(with["path"]);
            return new() { ["download-path"] = with["path"] };
        };
    }

    public CompositeActionRunner Runner { get; }

    public string Workspace { get; }

    public string RunnerTemp { get; }

    /// <summary>Fills the cache folder on restore (a warm cache); null for a cold cache.</summary>
    public Action<string>? RestoreCache { get; set; }

    /// <summary>Fills the download folder (the artifact's content).</summary>
    public Action<string>? DownloadInto { get; set; }

    public List<Dictionary<string, string>> Cache { get; } = [];

    public List<Upload> Uploads { get; } = [];

    public List<Dictionary<string, string>> Downloads { get; } = [];

    /// <summary>A counter shared with shell steps' order, to check "upload, then comment".</summary>
    public int Order { get; private set; }

    public void Dispose() => _dir.Dispose();

    public sealed record Upload(string Name, string Path, string? RetentionDays, bool Existed, int Order);
}
