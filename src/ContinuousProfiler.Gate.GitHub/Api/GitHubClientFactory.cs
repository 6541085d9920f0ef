using ContinuousProfiler.Gate.Core;
using Octokit;

namespace ContinuousProfiler.Gate.GitHub.Api;

/// <summary>Creates the Octokit client from the API URL and token of the Actions environment.</summary>
public static class GitHubClientFactory
{
    /// <summary>
    /// A client for <paramref name="apiUrl"/> (<c>GITHUB_API_URL</c>). Octokit adds <c>/api/v3/</c> itself for
    /// any host other than github.com, so a GitHub Enterprise Server URL is passed without that suffix.
    /// </summary>
    public static IGitHubClient Create(string apiUrl, string? token)
    {
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InputException($"GITHUB_API_URL={apiUrl}: not an http(s) URL; expected e.g. https://api.github.com");
        }

        var baseUrl = uri.AbsoluteUri.TrimEnd('/');
        if (baseUrl.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            baseUrl = baseUrl[..^"/api/v3".Length];
        }

        var client = new GitHubClient(new ProductHeaderValue("profgate", typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0"), new Uri(baseUrl + "/"));
        if (token is not null)
        {
            client.Credentials = new Credentials(token);
        }

        return client;
    }
}
