using ContinuousProfiler.Gate.GitHub.Api;
using Octokit;

namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary><see cref="IIssueCommentClient"/> over Octokit's issue comments client.</summary>
public sealed class OctokitIssueCommentClient(IGitHubClient client, GitHubRepository repository) : IIssueCommentClient
{
    public async Task<IReadOnlyList<IssueCommentRef>> List(int number)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        return comments.OrderBy(c => c.Id).Select(Map).ToList();
    }

    public async Task<IssueCommentRef> Create(int number, string body) =>
        Map(await client.Issue.Comment.Create(repository.Owner, repository.Name, number, body).ConfigureAwait(false));

    public async Task<IssueCommentRef> Update(long id, string body) =>
        Map(await client.Issue.Comment.Update(repository.Owner, repository.Name, id, body).ConfigureAwait(false));

    private static IssueCommentRef Map(IssueComment c) =>
        new(c.Id, c.Body ?? "", c.HtmlUrl, c.User?.Type == AccountType.Bot);
}
