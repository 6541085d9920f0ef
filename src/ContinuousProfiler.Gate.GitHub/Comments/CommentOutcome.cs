namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary>What the upserter did.</summary>
public enum CommentAction
{
    /// <summary>Posted a new comment.</summary>
    Created,

    /// <summary>Edited the existing comment in place.</summary>
    Updated,

    /// <summary>The existing comment already says the same; nothing written.</summary>
    Unchanged,

    /// <summary><c>on-change</c> with nothing to report and no earlier comment; nothing written.</summary>
    Quiet,

    /// <summary><c>never</c>: comments were not touched.</summary>
    Disabled,

    /// <summary>The token may not comment (403, typically a fork PR); reported, not fatal.</summary>
    Forbidden,
}

/// <summary>The upsert result.</summary>
/// <param name="Action">What happened.</param>
/// <param name="CommentId">The comment's id when one exists.</param>
/// <param name="HtmlUrl">The comment's link when known.</param>
/// <param name="Message">For <see cref="CommentAction.Forbidden"/>: GitHub's message and the fix.</param>
public sealed record CommentOutcome(CommentAction Action, long? CommentId = null, string? HtmlUrl = null, string? Message = null);
