using System.Globalization;
using ContinuousProfiler.Gate.Core;
using Octokit;

namespace ContinuousProfiler.Gate.GitHub.Api;

/// <summary>Turns Octokit's typed exceptions into one line a user can act on.</summary>
public static class GitHubErrors
{
    /// <summary>True when <paramref name="e"/> is a 403 that is not a rate limit: the token lacks a permission.</summary>
    public static bool IsPermissionDenied(Exception e) =>
        e is ForbiddenException and not RateLimitExceededException and not SecondaryRateLimitExceededException;

    /// <summary>One line for <paramref name="e"/> that happened while <paramref name="operation"/> (e.g. "creating the PR comment").</summary>
    public static string Describe(Exception e, string operation) => e switch
    {
        RateLimitExceededException rate =>
            $"GitHub API rate limit exceeded while {operation} ({rate.Remaining}/{rate.Limit} left, resets at {rate.Reset.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}); wait, or use a token with a higher limit",
        SecondaryRateLimitExceededException =>
            $"GitHub API secondary rate limit hit while {operation}; retry the job in a minute",
        AuthorizationException =>
            $"GitHub rejected the token (401) while {operation}; pass a valid token with --token or GITHUB_TOKEN (the action's github-token input)",
        ForbiddenException forbidden =>
            $"GitHub refused (403) {operation}: {forbidden.Message}; the token lacks the permission for it (see the workflow's permissions: block)",
        NotFoundException =>
            $"GitHub answered 404 while {operation}; check the repository name and that the token can see it",
        ApiValidationException invalid =>
            $"GitHub rejected the request (422) while {operation}: {Details(invalid)}",
        ApiException api =>
            $"GitHub API error {(int)api.StatusCode} while {operation}: {api.Message}",
        HttpRequestException http =>
            $"cannot reach the GitHub API while {operation} ({http.Message}); check GITHUB_API_URL and the network",
        TaskCanceledException =>
            $"the GitHub API timed out while {operation}; retry the job",
        _ => $"{e.GetType().Name} while {operation}: {e.Message}",
    };

    /// <summary>True for the exceptions <see cref="Describe"/> knows (API and network failures).</summary>
    public static bool IsApiFailure(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException;

    /// <summary>An <see cref="InputException"/> (exit 2) for <paramref name="e"/>.</summary>
    public static InputException ToInputException(Exception e, string operation) => new(Describe(e, operation), ExitCodes.InputError, e);

    private static string Details(ApiValidationException e)
    {
        var errors = e.ApiError?.Errors;
        return errors is { Count: > 0 }
            ? string.Join("; ", errors.Select(x => x.Message ?? $"{x.Resource}.{x.Field}: {x.Code}"))
            : e.Message;
    }
}
