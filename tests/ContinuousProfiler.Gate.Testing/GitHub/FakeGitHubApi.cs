using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContinuousProfiler.Gate.Testing.GitHub;

// FakeGitHubApi: an in-memory GitHub REST API for tests, on http://127.0.0.1:<free port>/.
//
//   using var api = new FakeGitHubApi();                 // repository "octo/app" (id 1); api.Repository
//   var client = api.CreateClient();                      // Octokit client with token "test-token" (or pass api.BaseUrl as --api-url)
//   var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = sha });           // push on main unless told otherwise
//   api.AddArtifact(run, "profgate-<sha>-bench", zipBytes, expired: false);
//   api.AddPullRequest(new FakePullRequest { Number = 2, HeadSha = ..., Labels = ["profgate:accept"] });
//   api.Comments / api.Statuses / api.CheckRuns           // what the code under test created or updated
//   api.FailWhen(r => r.Path.EndsWith("/comments"), FakeResponse.Forbidden(), times: 1)   // inject 403, rate limits, 404…
//   api.Map("GET", "/repos/{owner}/{repo}/…", "operation/id", handler)                 // add or override a route
//   api.Exchanges                                          // every request and answer, for assertions and the contract check
//   api.BlobDownloads                                      // redirected downloads: which host, whether Authorization arrived
//
// Octokit prefixes /api/v3/ when the base URL is not github.com; the fake accepts paths with or without it.
// Artifact downloads answer 302 to http://localhost:<port>/_blobs/<id>.zip: another host name, like GitHub's
// blob storage, so a test can prove the token is not forwarded. Every route names the OpenAPI operation it
// implements; GitHubContract (ContractFact tests) checks routes, queries, request bodies and responses against
// GitHub's published description, so the fake cannot drift from the real API.

/// <summary>An in-memory fake of the GitHub REST API (see the comment at the top of this file).</summary>
public sealed partial class FakeGitHubApi : IDisposable
{
    /// <summary>The fixed "now" of the fake's timestamps.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The token <see cref="CreateClient"/> uses.</summary>
    public const string DefaultToken = "test-token";

    private readonly HttpListener _listener = new();
    private readonly List<FakeRoute> _routes = [];
    private readonly List<(Func<FakeRequest, bool> Match, FakeResponse Response, int Remaining)> _failures = [];
    private readonly ConcurrentQueue<FakeExchange> _exchanges = new();
    private readonly ConcurrentQueue<(string Host, bool HadAuthorization)> _blobs = new();
    private readonly object _gate = new();
    private readonly Task _loop;
    private long _nextId = 100;

    /// <summary>Starts the fake for <paramref name="owner"/>/<paramref name="name"/>.</summary>
    public FakeGitHubApi(string owner = "octo", string name = "app")
    {
        Repository = new FakeRepository(1, owner, name);
        Port = Listen();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        BlobBase = $"http://localhost:{Port}/_blobs/";
        Shapes = new GitHubShapes(BaseUrl + "api/v3/", $"http://127.0.0.1:{Port}/html/");
        AddBuiltInRoutes();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The repository the fake serves.</summary>
    public FakeRepository Repository { get; }

    /// <summary>The port on 127.0.0.1 (and localhost, for blob downloads).</summary>
    public int Port { get; }

    /// <summary>The API base URL to give Octokit or <c>--api-url</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Where artifact downloads are redirected (host <c>localhost</c>, not <c>127.0.0.1</c>).</summary>
    public string BlobBase { get; }

    /// <summary>The JSON builders used for answers.</summary>
    public GitHubShapes Shapes { get; }

    /// <summary>All routes, in match order (overrides first).</summary>
    public IReadOnlyList<FakeRoute> Routes { get { lock (_gate) { return [.. _routes]; } } }

    /// <summary>Every answered request, in order.</summary>
    public IReadOnlyList<FakeExchange> Exchanges => [.. _exchanges];

    /// <summary>Each redirected blob download: the host it arrived on and whether it carried an Authorization header.</summary>
    public IReadOnlyList<(string Host, bool HadAuthorization)> BlobDownloads => [.. _blobs];

    /// <summary>Adds a route in front of the existing ones (so it may override a built-in one).</summary>
    public void Map(string method, string template, string operationId, Func<FakeRequest, FakeResponse> handler)
    {
        lock (_gate)
        {
            _routes.Insert(0, new FakeRoute(method.ToUpperInvariant(), template, operationId, handler));
        }
    }

    /// <summary>Answers matching requests with <paramref name="response"/> (at most <paramref name="times"/> times) instead of routing them.</summary>
    public void FailWhen(Func<FakeRequest, bool> match, FakeResponse response, int times = int.MaxValue)
    {
        lock (_gate)
        {
            _failures.Add((match, response, times));
        }
    }

    /// <summary>Creates an Octokit client for the fake.</summary>
    public Octokit.GitHubClient CreateClient(string? token = DefaultToken)
    {
        var client = new Octokit.GitHubClient(new Octokit.ProductHeaderValue("profgate-test"), new Uri(BaseUrl));
        if (token is not null)
        {
            client.Credentials = new Octokit.Credentials(token);
        }

        return client;
    }

    /// <summary>A fresh id for new objects.</summary>
    public long NextId() => Interlocked.Increment(ref _nextId);

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (Exception e) when (e is ObjectDisposedException or HttpListenerException)
        {
            // The managed listener re-resolves "localhost" while removing its prefixes and may fail to
            // re-bind a port it just released; the listener is stopped either way.
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private int Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add($"http://localhost:{port}/");
            try
            {
                _listener.Start();
                return port;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
            }
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var host = request.Url?.Host ?? "";
        var rawPath = request.Url?.AbsolutePath ?? "/";
        var linkBase = rawPath.StartsWith("/api/v3/", StringComparison.Ordinal) ? BaseUrl + "api/v3" : BaseUrl.TrimEnd('/');
        var path = rawPath.StartsWith("/api/v3/", StringComparison.Ordinal) ? rawPath["/api/v3".Length..] : rawPath;
        var query = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var key in request.QueryString.AllKeys)
        {
            if (key is not null)
            {
                query[key] = request.QueryString[key] ?? "";
            }
        }

        string? body = null;
        if (request.HasEntityBody)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = reader.ReadToEnd();
        }

        var authorization = request.Headers["Authorization"];
        FakeResponse response;
        FakeRoute? route = null;
        try
        {
            if (path.StartsWith("/_blobs/", StringComparison.Ordinal))
            {
                _blobs.Enqueue((host, authorization is not null));
                response = ServeBlob(host, path);
            }
            else
            {
                ImmutableDictionary<string, string>? values = null;
                lock (_gate)
                {
                    foreach (var candidate in _routes)
                    {
                        values = candidate.Match(request.HttpMethod, path);
                        if (values is not null)
                        {
                            route = candidate;
                            break;
                        }
                    }
                }

                var fake = new FakeRequest(request.HttpMethod, path, values ?? ImmutableDictionary<string, string>.Empty, query.ToImmutable(), body, host, authorization, linkBase);
                response = Injected(fake) ?? (route is null
                    ? FakeResponse.Error(404, $"fake GitHub API: no route for {request.HttpMethod} {path}")
                    : route.Handler(fake));
            }
        }
        catch (Exception e)
        {
            response = FakeResponse.Error(500, $"fake GitHub API: {e.GetType().Name}: {e.Message}");
        }

        var text = response.ContentType.StartsWith("application/json", StringComparison.Ordinal) ? Encoding.UTF8.GetString(response.Body) : null;
        _exchanges.Enqueue(new FakeExchange(request.HttpMethod, path, route?.OperationId, route?.Template, query.ToImmutable(), body, response.Status, text, host, authorization is not null));
        Write(context.Response, response);
    }

    private FakeResponse? Injected(FakeRequest request)
    {
        lock (_gate)
        {
            for (var i = 0; i < _failures.Count; i++)
            {
                var (match, response, remaining) = _failures[i];
                if (remaining > 0 && match(request))
                {
                    _failures[i] = (match, response, remaining - 1);
                    return response;
                }
            }
        }

        return null;
    }

    private static void Write(HttpListenerResponse target, FakeResponse response)
    {
        try
        {
            target.StatusCode = response.Status;
            target.ContentType = response.ContentType;
            foreach (var (key, value) in response.Headers)
            {
                target.Headers[key] = value;
            }

            target.ContentLength64 = response.Body.Length;
            target.OutputStream.Write(response.Body);
            target.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
        }
    }
}
