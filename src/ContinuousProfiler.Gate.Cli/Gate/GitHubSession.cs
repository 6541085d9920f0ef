using ContinuousProfiler.Gate.Cli.Commands;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.GitHub.Api;
using ContinuousProfiler.Gate.GitHub.Comments;
using ContinuousProfiler.Gate.GitHub.PullRequests;
using ContinuousProfiler.Gate.GitHub.Statuses;
using IGitHubClient = Octokit.IGitHubClient;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>The repository and API client the gate talks to, from <c>--repo/--token/--api-url</c> or the Actions environment.</summary>
internal sealed class GitHubSession(GitHubRepository repository, IGitHubClient client)
{
    public GitHubRepository Repository => repository;

    public IIssueCommentClient Comments { get; } = new OctokitIssueCommentClient(client, repository);

    public IPullRequestClient PullRequests { get; } = new OctokitPullRequestClient(client, repository);

    public ICommitStatusClient Statuses { get; } = new OctokitCommitStatusClient(client, repository);

    /// <summary>The repository named by <c>--repo</c> or <c>GITHUB_REPOSITORY</c>, or null.</summary>
    public static GitHubRepository? RepositoryOf(StoreSelection store, ActionsEnvironment environment) =>
        (store.Repo ?? environment.Repository) is { } name ? GitHubRepository.Parse(name, store.Repo is not null ? "--repo" : "GITHUB_REPOSITORY") : null;

    /// <summary>A session, or null when the repository or the token is unknown (then nothing is posted).</summary>
    public static GitHubSession? TryOpen(StoreSelection store, ActionsEnvironment environment)
    {
        var repository = RepositoryOf(store, environment);
        var token = store.Token ?? environment.Token;
        return repository is null || token is null
            ? null
            : new GitHubSession(repository, GitHubClientFactory.Create(store.ApiUrl ?? environment.ApiUrl, token));
    }
}
