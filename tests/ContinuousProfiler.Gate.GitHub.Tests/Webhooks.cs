using System.Text.Json.Nodes;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.GitHub.Tests;

/// <summary>Real webhook payloads from npm @octokit/webhooks-examples (use with ContractFact).</summary>
public static class Webhooks
{
    private static readonly Lazy<JsonArray> All = new(() =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(Requirements.TestkitModules, "@octokit/webhooks-examples/api.github.com/index.json")))!);

    /// <summary>The examples of event <paramref name="name"/> matching <paramref name="where"/>, as fresh mutable copies.</summary>
    public static IEnumerable<JsonObject> Examples(string name, Func<JsonObject, bool>? where = null) =>
        All.Value.Single(e => (string?)e!["name"] == name)!["examples"]!.AsArray()
            .Select(x => (JsonObject)x!.DeepClone())
            .Where(x => where is null || where(x));

    /// <summary>The first <c>pull_request</c> example with <paramref name="action"/>.</summary>
    public static JsonObject PullRequest(string action) => Examples("pull_request", x => (string?)x["action"] == action).First();

    /// <summary>The first <c>workflow_run</c> completed example whose run really completed (the first example is a queued quirk).</summary>
    public static JsonObject WorkflowRunCompleted(bool withPullRequests) => Examples("workflow_run", x =>
        (string?)x["action"] == "completed"
        && (string?)x["workflow_run"]!["status"] == "completed"
        && x["workflow_run"]!["pull_requests"]!.AsArray().Count > 0 == withPullRequests).First();

    /// <summary>The first push to a branch.</summary>
    public static JsonObject PushToBranch() => Examples("push", x => ((string?)x["ref"])!.StartsWith("refs/heads/", StringComparison.Ordinal)).First();

    /// <summary>Writes <paramref name="payload"/> to a file and returns its path.</summary>
    public static string Write(JsonObject payload, string directory, string name = "event.json")
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, payload.ToJsonString());
        return path;
    }
}
