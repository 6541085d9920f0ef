using System.Globalization;
using System.Net;
using ContinuousProfiler.Gate.Core;
using Octokit;

namespace ContinuousProfiler.Gate.Store.GitHub;

/// <summary>Turns Octokit's typed exceptions into one-line messages that say what to do.</summary>
internal static class GitHubErrors
{
    public static async Task<T> Call<T>(string what, string repository, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RateLimitExceededException e)
        {
            throw new InputException($"GitHub API rate limit exceeded while {what} ({e.Limit} requests per hour, resets at {e.Reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC); wait, or use the workflow's GITHUB_TOKEN which has its own limit", inner: e);
        }
        catch (SecondaryRateLimitExceededException e)
        {
            throw new InputException($"GitHub API secondary rate limit hit while {what}; retry in a minute and avoid parallel jobs hammering the API", inner: e);
        }
        catch (ForbiddenException e)
        {
            throw new InputException($"GitHub API refused access (403) while {what} in {repository}: {e.Message}; give the token 'actions: read' permission (workflow 'permissions:') or use a token that can read the repository", inner: e);
        }
        catch (AuthorizationException e)
        {
            throw new InputException($"GitHub API rejected the token (401) while {what}: {e.Message}; check GITHUB_TOKEN or --token", inner: e);
        }
        catch (NotFoundException e)
        {
            throw new InputException($"GitHub API answered 404 while {what}: repository {repository} not found or the token cannot see it; check GITHUB_REPOSITORY/--repo and the token's access", inner: e);
        }
        catch (ApiException e) when ((int)e.StatusCode == 429)
        {
            throw new InputException($"GitHub API rate limit (429) while {what}; wait and retry", inner: e);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Gone)
        {
            throw new InputException($"GitHub answered 410 Gone while {what}: the artifact has expired or was deleted; re-run the base branch's workflow to record a new baseline", inner: e);
        }
        catch (ApiException e)
        {
            throw new InputException($"GitHub API error {(int)e.StatusCode} while {what}: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new InputException($"cannot reach the GitHub API while {what}: {e.Message}; check the network and --api-url/GITHUB_API_URL", inner: e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new InputException($"the GitHub API timed out while {what}; retry later", inner: e);
        }
    }
}
