using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>A request as a fake route sees it (the <c>/api/v3</c> prefix already stripped).</summary>
public sealed record FakeRequest(
    string Method,
    string Path,
    ImmutableDictionary<string, string> Route,
    ImmutableDictionary<string, string> Query,
    string? Body,
    string Host,
    string? Authorization,
    string LinkBase)
{
    /// <summary>The request body as JSON (an empty object when there is none).</summary>
    public JsonObject Json => Body is { Length: > 0 } body ? JsonNode.Parse(body)?.AsObject() ?? [] : [];

    /// <summary>A query parameter as an int, or the default.</summary>
    public int QueryInt(string name, int fallback) =>
        Query.TryGetValue(name, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>A route value as a long.</summary>
    public long RouteLong(string name) => long.Parse(Route[name], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a fake route answers.</summary>
public sealed record FakeResponse(int Status, byte[] Body, string ContentType, ImmutableDictionary<string, string> Headers)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false };

    /// <summary>A JSON answer.</summary>
    public static FakeResponse Json(int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(body?.ToJsonString(Indented) ?? "null"), "application/json; charset=utf-8",
            headers?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty);

    /// <summary>A GitHub error (<c>basic-error</c> shape).</summary>
    public static FakeResponse Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        Json(status, GitHubShapes.Error(message), headers);

    /// <summary>403 with GitHub's primary rate-limit body and headers (Octokit maps it to RateLimitExceededException).</summary>
    public static FakeResponse RateLimited(DateTimeOffset reset) => Error(403, "API rate limit exceeded for installation ID 1.", new Dictionary<string, string>
    {
        ["X-RateLimit-Limit"] = "5000",
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["X-RateLimit-Used"] = "5000",
    });

    /// <summary>403 as for a token without the needed permission (e.g. a fork's read-only token).</summary>
    public static FakeResponse Forbidden(string message = "Resource not accessible by integration") => Error(403, message);

    /// <summary>404 as GitHub answers it.</summary>
    public static FakeResponse NotFound() => Error(404, "Not Found");

    /// <summary>A redirect.</summary>
    public static FakeResponse Redirect(string location) =>
        new(302, [], "text/plain", ImmutableDictionary<string, string>.Empty.Add("Location", location));

    /// <summary>Raw bytes.</summary>
    public static FakeResponse Bytes(byte[] body, string contentType = "application/zip") =>
        new(200, body, contentType, ImmutableDictionary<string, string>.Empty);

    /// <summary>204 No Content.</summary>
    public static FakeResponse NoContent() => new(204, [], "text/plain", ImmutableDictionary<string, string>.Empty);
}

/// <summary>A route of the fake: a method, a path template (<c>{param}</c> segments) and the spec operation it implements.</summary>
public sealed record FakeRoute(string Method, string Template, string OperationId, Func<FakeRequest, FakeResponse> Handler)
{
    private readonly string[] _segments = Template.Trim('/').Split('/');

    /// <summary>Matches a path, returning the route values or null.</summary>
    public ImmutableDictionary<string, string>? Match(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = path.Trim('/').Split('/');
        if (parts.Length != _segments.Length)
        {
            return null;
        }

        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            if (_segments[i].StartsWith('{') && _segments[i].EndsWith('}'))
            {
                if (parts[i].Length == 0)
                {
                    return null;
                }

                values[_segments[i][1..^1]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!string.Equals(_segments[i], parts[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values.ToImmutable();
    }
}
