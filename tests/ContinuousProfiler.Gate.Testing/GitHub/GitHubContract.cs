using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NSwag;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>
/// Checks a <see cref="FakeGitHubApi"/> against GitHub's OpenAPI description (npm <c>@octokit/openapi</c>):
/// every route must be a spec operation with the same method, path template and operationId; every answered
/// request must use the operation's query parameters and a valid request body; every response status must be
/// documented (errors may use <c>basic-error</c>) and every JSON body must validate against its schema.
/// Use from <see cref="ContractFactAttribute"/> tests: <c>Assert.Empty(GitHubContract.ForFake(api).Check(api))</c>.
/// </summary>
public sealed class GitHubContract
{
    /// <summary>Query parameters Octokit sends that the spec does not list (see TESTKIT.md §5).</summary>
    private static readonly Dictionary<string, string[]> OctokitExtraQuery = new(StringComparer.Ordinal)
    {
        ["issues/list-comments"] = ["sort", "direction"],
    };

    private static readonly Lazy<(JsonObject Spec, Dictionary<(string Method, string Path), string> Operations)> Full = new(LoadFull);
    private static readonly ConcurrentDictionary<string, GitHubContract> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, OpenApiOperationDescription> _operations;
    private readonly JsonSchema _basicError;

    private GitHubContract(OpenApiDocument document)
    {
        _operations = document.Operations.ToDictionary(o => o.Operation.OperationId, StringComparer.Ordinal);
        _basicError = document.Components.Schemas["basic-error"];
    }

    /// <summary>The spec file: <c>GITHUB_OPENAPI_JSON</c>, else the npm test kit's copy.</summary>
    public static string SpecPath =>
        Environment.GetEnvironmentVariable("GITHUB_OPENAPI_JSON") is { Length: > 0 } path
            ? path
            : Path.Combine(Requirements.TestkitModules, "@octokit/openapi/generated/api.github.com.json");

    /// <summary>A contract for the operations the fake's routes name (loaded once per set of operations).</summary>
    public static GitHubContract ForFake(FakeGitHubApi api) => For(api.Routes.Select(r => r.OperationId));

    /// <summary>A contract for some operations, from the spec trimmed to them.</summary>
    public static GitHubContract For(IEnumerable<string> operationIds)
    {
        var known = Full.Value.Operations.Values.ToHashSet(StringComparer.Ordinal);
        var ids = operationIds.Where(known.Contains).ToHashSet(StringComparer.Ordinal);
        var key = string.Join(',', ids.Order(StringComparer.Ordinal));
        return Cache.GetOrAdd(key, _ =>
        {
            var trimmed = GitHubSpecTrimmer.Trim(Full.Value.Spec, ids, ["#/components/schemas/basic-error"]);
            var document = OpenApiDocument.FromJsonAsync(trimmed.ToJsonString()).GetAwaiter().GetResult();
            return new GitHubContract(document);
        });
    }

    /// <summary>All violations of the fake: its routes, then every exchange it answered so far.</summary>
    public IReadOnlyList<string> Check(FakeGitHubApi api) =>
        [.. CheckRoutes(api.Routes), .. api.Exchanges.SelectMany(CheckExchange)];

    /// <summary>Routes that are not spec operations (method + exact path template + operationId).</summary>
    public static IReadOnlyList<string> CheckRoutes(IEnumerable<FakeRoute> routes)
    {
        var violations = new List<string>();
        foreach (var route in routes)
        {
            if (!Full.Value.Operations.TryGetValue((route.Method, route.Template), out var id))
            {
                violations.Add($"route {route.Method} {route.Template} ({route.OperationId}) is not in GitHub's OpenAPI description");
            }
            else if (id != route.OperationId)
            {
                violations.Add($"route {route.Method} {route.Template} claims {route.OperationId} but the spec's operation there is {id}");
            }
        }

        return violations;
    }

    /// <summary>Violations of one answered request.</summary>
    public IReadOnlyList<string> CheckExchange(FakeExchange exchange)
    {
        if (exchange.Path.StartsWith("/_blobs/", StringComparison.Ordinal))
        {
            return [];
        }

        var where = $"{exchange.Method} {exchange.Path} → {exchange.Status}";
        if (exchange.OperationId is null)
        {
            return [$"{where}: the code under test called a route the fake does not implement"];
        }

        if (!_operations.TryGetValue(exchange.OperationId, out var description))
        {
            return [$"{where}: operation {exchange.OperationId} is not in GitHub's OpenAPI description"];
        }

        var violations = new List<string>();
        var operation = description.Operation;
        var queryNames = operation.ActualParameters.Where(p => p.Kind == OpenApiParameterKind.Query).Select(p => p.Name)
            .Concat(OctokitExtraQuery.GetValueOrDefault(exchange.OperationId, [])).ToHashSet(StringComparer.Ordinal);
        violations.AddRange(exchange.Query.Keys.Where(k => !queryNames.Contains(k)).Select(k => $"{where}: query parameter '{k}' is not a parameter of {exchange.OperationId}"));

        if (exchange.RequestBody is { Length: > 0 } body)
        {
            var schema = operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true ? media.Schema?.ActualSchema : null;
            if (schema is null)
            {
                violations.Add($"{where}: {exchange.OperationId} takes no JSON request body");
            }
            else
            {
                violations.AddRange(Validate(schema, body).Select(e => $"{where}: request body: {e}"));
            }
        }

        var code = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.ActualResponses.TryGetValue(code, out var response))
        {
            var schema = response.Content.TryGetValue("application/json", out var media) ? media.Schema?.ActualSchema : null;
            if (schema is not null && exchange.ResponseBody is { } text)
            {
                violations.AddRange(Validate(schema, text).Select(e => $"{where}: response: {e}"));
            }
            else if (schema is not null)
            {
                violations.Add($"{where}: expected a JSON body for {code}");
            }
        }
        else if (exchange.Status >= 400 && exchange.ResponseBody is { } error)
        {
            violations.AddRange(Validate(_basicError, error).Select(e => $"{where}: error body: {e}"));
        }
        else
        {
            violations.Add($"{where}: status {code} is not a documented response of {exchange.OperationId}");
        }

        return violations;
    }

    /// <summary>Validates JSON text against a schema with OpenAPI 3 rules (<c>nullable</c> honoured).</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, string json) =>
        [.. schema.Validate(json, SchemaType.OpenApi3).Select(e => e.ToString())];

    /// <summary>The response schema of an operation and status, for direct shape tests.</summary>
    public JsonSchema ResponseSchema(string operationId, int status) =>
        _operations[operationId].Operation.ActualResponses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)].Content["application/json"].Schema.ActualSchema;

    private static (JsonObject, Dictionary<(string, string), string>) LoadFull()
    {
        using var stream = File.OpenRead(SpecPath);
        var spec = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
        return (spec, GitHubSpecTrimmer.Operations(spec));
    }
}
