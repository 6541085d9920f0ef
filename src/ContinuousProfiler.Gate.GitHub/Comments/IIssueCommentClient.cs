namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary>The three comment routes the gate needs, on one repository.</summary>
public interface IIssueCommentClient
{
    /// <summary>Every comment on issue or PR <paramref name="number"/>, oldest first (<c>GET /repos/{owner}/{repo}/issues/{number}/comments</c>, all pages).</summary>
    Task<IReadOnlyList<IssueCommentRef>> List(int number);

    /// <summary>Creates a comment (<c>POST /repos/{owner}/{repo}/issues/{number}/comments</c>).</summary>
    Task<IssueCommentRef> Create(int number, string body);

    /// <summary>Replaces a comment's body (<c>PATCH /repos/{owner}/{repo}/issues/comments/{id}</c>).</summary>
    Task<IssueCommentRef> Update(long id, string body);
}

/// <summary>A comment as the gate sees it.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="HtmlUrl">The comment's link, when known.</param>
/// <param name="IsBot">True when a bot (e.g. <c>github-actions[bot]</c>) wrote it.</param>
public sealed record IssueCommentRef(long Id, string Body, string? HtmlUrl, bool IsBot);
