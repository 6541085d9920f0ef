using System.Collections.Immutable;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.GitHub.Events;

/// <summary>Parses a webhook payload (the file at <c>GITHUB_EVENT_PATH</c>) into an <see cref="ActionsEvent"/>.</summary>
public static class ActionsEventReader
{
    /// <summary>Reads the payload of event <paramref name="eventName"/> from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public static ActionsEvent Read(Stream stream, string eventName, string source = "event payload")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON at line {e.LineNumber + 1} ({e.Message}); expected the webhook payload the runner writes to GITHUB_EVENT_PATH");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{source}: expected a JSON object (a webhook payload), found {root.ValueKind}");
            }

            try
            {
                var repository = Str(root, "repository", "full_name");
                var result = new ActionsEvent(eventName, Str(root, "action"), repository);
                return eventName switch
                {
                    "pull_request" or "pull_request_target" => result with { PullRequest = PullRequest(Required(root, "pull_request", source), repository) },
                    "push" => result with { Push = Push(root) },
                    "workflow_run" => result with { WorkflowRun = WorkflowRun(Required(root, "workflow_run", source), repository) },
                    _ => result,
                };
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new InputException($"{source}: a {eventName} payload without the expected fields ({e.Message}); expected the webhook payload GitHub sends for {eventName}");
            }
        }
    }

    /// <summary>Reads the payload file at <paramref name="path"/>.</summary>
    public static ActionsEvent Read(string path, string eventName)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, eventName, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"GITHUB_EVENT_PATH={path}: cannot read the event payload ({e.Message})");
        }
    }

    private static PullRequestRef PullRequest(JsonElement pr, string? repository)
    {
        var head = pr.GetProperty("head");
        var baseRef = pr.TryGetProperty("base", out var b) ? b : default;
        var labels = pr.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(x => Str(x, "name")).OfType<string>().Order(StringComparer.Ordinal).ToImmutableArray()
            : [];
        return new PullRequestRef(
            pr.GetProperty("number").GetInt32(),
            head.GetProperty("sha").GetString() ?? throw new FormatException("pull_request.head.sha is null"),
            Str(head, "ref"),
            RepoName(head),
            baseRef.ValueKind == JsonValueKind.Object ? Str(baseRef, "ref") : null,
            baseRef.ValueKind == JsonValueKind.Object ? Str(baseRef, "sha") : null,
            baseRef.ValueKind == JsonValueKind.Object ? RepoName(baseRef) ?? repository : repository,
            labels);
    }

    private static PushRef Push(JsonElement root) => new(
        Str(root, "ref") ?? throw new FormatException("push payload has no ref"),
        Str(root, "after") ?? "",
        root.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True);

    private static WorkflowRunRef WorkflowRun(JsonElement run, string? repository)
    {
        var prs = run.TryGetProperty("pull_requests", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(pr => new PullRequestRef(
                pr.GetProperty("number").GetInt32(),
                pr.GetProperty("head").GetProperty("sha").GetString() ?? "",
                Str(pr, "head", "ref"),
                null,
                Str(pr, "base", "ref"),
                Str(pr, "base", "sha"),
                repository,
                [])).ToImmutableArray()
            : [];
        return new WorkflowRunRef(
            run.GetProperty("id").GetInt64(),
            Str(run, "name"),
            Str(run, "event"),
            Str(run, "status"),
            Str(run, "conclusion"),
            run.GetProperty("head_sha").GetString() ?? throw new FormatException("workflow_run.head_sha is null"),
            Str(run, "head_branch"),
            Str(run, "head_repository", "full_name"),
            prs);
    }

    private static JsonElement Required(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InputException($"{source}: the payload has no '{name}' object; GITHUB_EVENT_NAME and GITHUB_EVENT_PATH disagree");

    private static string? RepoName(JsonElement side) =>
        side.TryGetProperty("repo", out var repo) && repo.ValueKind == JsonValueKind.Object ? Str(repo, "full_name") : null;

    private static string? Str(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
