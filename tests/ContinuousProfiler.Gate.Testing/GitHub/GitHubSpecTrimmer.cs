using System.Text.Json.Nodes;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>
/// Cuts GitHub's 13 MB OpenAPI description down to some operations and the components they reach
/// through <c>$ref</c> (transitively), so NSwag loads it in well under a second instead of ~11 s.
/// </summary>
public static class GitHubSpecTrimmer
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Every operation of the spec: (METHOD, path template) → operationId.</summary>
    public static Dictionary<(string Method, string Path), string> Operations(JsonObject spec)
    {
        var operations = new Dictionary<(string, string), string>();
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item?[method]?["operationId"]?.GetValue<string>() is { } id)
                {
                    operations[(method.ToUpperInvariant(), path)] = id;
                }
            }
        }

        return operations;
    }

    /// <summary>A copy of <paramref name="spec"/> with only <paramref name="operationIds"/> and what they reference (plus <paramref name="extraRefs"/>).</summary>
    public static JsonObject Trim(JsonObject spec, IReadOnlySet<string> operationIds, IEnumerable<string> extraRefs)
    {
        var paths = new JsonObject();
        var pending = new Stack<string>(extraRefs);
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            JsonObject? kept = null;
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation && operation["operationId"]?.GetValue<string>() is { } id && operationIds.Contains(id))
                {
                    kept ??= item["parameters"] is { } shared ? new JsonObject { ["parameters"] = shared.DeepClone() } : [];
                    kept[method] = operation.DeepClone();
                }
            }

            if (kept is not null)
            {
                paths[path] = kept;
                CollectRefs(kept, pending);
            }
        }

        var components = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var reference = pending.Pop();
            if (!seen.Add(reference) || !reference.StartsWith("#/components/", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = reference["#/components/".Length..].Split('/', 2);
            var node = spec["components"]?[parts[0]]?[parts[1]] ?? throw new InvalidOperationException($"dangling $ref {reference}");
            var section = components[parts[0]] as JsonObject ?? (JsonObject)(components[parts[0]] = new JsonObject());
            section[parts[1]] = node.DeepClone();
            CollectRefs(node, pending);
        }

        return new JsonObject
        {
            ["openapi"] = spec["openapi"]!.DeepClone(),
            ["info"] = spec["info"]!.DeepClone(),
            ["servers"] = spec["servers"]?.DeepClone(),
            ["paths"] = paths,
            ["components"] = components,
        };
    }

    private static void CollectRefs(JsonNode? node, Stack<string> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var reference))
                    {
                        into.Push(reference);
                    }
                    else
                    {
                        CollectRefs(value, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectRefs(item, into);
                }

                break;
        }
    }
}
