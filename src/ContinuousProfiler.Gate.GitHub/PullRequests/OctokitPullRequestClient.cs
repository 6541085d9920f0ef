using System.Collections.Immutable;
using ContinuousProfiler.Gate.GitHub.Api;
using Octokit;

namespace ContinuousProfiler.Gate.GitHub.PullRequests;

/// <summary><see cref="IPullRequestClient"/> over Octokit's pull request client.</summary>
public sealed class OctokitPullRequestClient(IGitHubClient client, GitHubRepository repository) : IPullRequestClient
{
    public async Task<PullRequestDetails> Get(int number)
    {
        var pr = await client.PullRequest.Get(repository.Owner, repository.Name, number).ConfigureAwait(false);
        return new PullRequestDetails(
            pr.Number,
            pr.State.StringValue,
            pr.Head.Sha,
            pr.Head.Repository?.FullName,
            pr.Base.Ref,
            pr.Base.Repository?.FullName ?? repository.ToString(),
            (pr.Labels ?? []).Select(l => l.Name).Order(StringComparer.Ordinal).ToImmutableArray());
    }

    public async Task<IReadOnlyList<string>> CommitMessages(int number)
    {
        var commits = await client.PullRequest.Commits(repository.Owner, repository.Name, number).ConfigureAwait(false);
        return commits.Select(c => c.Commit?.Message ?? "").ToList();
    }
}
