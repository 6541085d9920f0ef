using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.GitHub.PullRequests;

/// <summary>Reads a pull request through the API, the trusted source for what a payload or an artifact claims.</summary>
public interface IPullRequestClient
{
    /// <summary>The PR (<c>GET /repos/{owner}/{repo}/pulls/{number}</c>).</summary>
    Task<PullRequestDetails> Get(int number);

    /// <summary>The PR's commit messages, oldest first (<c>GET /repos/{owner}/{repo}/pulls/{number}/commits</c>).</summary>
    Task<IReadOnlyList<string>> CommitMessages(int number);
}

/// <summary>A pull request as the API reports it now.</summary>
/// <param name="Number">The PR number.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="HeadSha">The head commit.</param>
/// <param name="HeadRepository">The head repository <c>owner/name</c> (the fork for fork PRs), null when deleted.</param>
/// <param name="BaseRef">The base branch.</param>
/// <param name="BaseRepository">The base repository <c>owner/name</c>.</param>
/// <param name="Labels">Label names, ordinal order.</param>
public sealed record PullRequestDetails(int Number, string State, string HeadSha, string? HeadRepository, string BaseRef, string BaseRepository, ImmutableArray<string> Labels);
