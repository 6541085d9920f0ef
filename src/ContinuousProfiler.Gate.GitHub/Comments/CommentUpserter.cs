using System.Security.Cryptography;
using System.Text;
using ContinuousProfiler.Gate.GitHub.Api;

namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary>
/// Keeps one comment per PR and scenario group: finds the earlier comment by its hidden marker (the
/// body's first line), then creates, updates or leaves it according to the <see cref="CommentMode"/>.
/// A digest of the result is kept in a second hidden line so <c>on-change</c> can tell whether
/// anything changed, independent of volatile parts such as run links.
/// </summary>
public sealed class CommentUpserter(IIssueCommentClient client)
{
    private const string DigestPrefix = "<!-- profgate:digest ";

    /// <summary>
    /// Upserts <paramref name="body"/> (which must start with <paramref name="marker"/>) on PR <paramref name="number"/>.
    /// <paramref name="digest"/> identifies the result (same digest = nothing changed); <paramref name="hasNews"/> is
    /// false when the result is a clean pass, in which case <c>on-change</c> does not open a new comment.
    /// </summary>
    public async Task<CommentOutcome> Upsert(int number, string marker, string body, string digest, bool hasNews, CommentMode mode)
    {
        if (mode == CommentMode.Never)
        {
            return new CommentOutcome(CommentAction.Disabled);
        }

        if (!body.StartsWith(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the comment body must start with its marker {marker}", nameof(body));
        }

        var full = WithDigest(body, digest);
        try
        {
            var existing = Find(await client.List(number).ConfigureAwait(false), marker);
            if (existing is null)
            {
                if (mode == CommentMode.OnChange && !hasNews)
                {
                    return new CommentOutcome(CommentAction.Quiet);
                }

                var created = await client.Create(number, full).ConfigureAwait(false);
                return new CommentOutcome(CommentAction.Created, created.Id, created.HtmlUrl);
            }

            var unchanged = mode == CommentMode.OnChange
                ? ReadDigest(existing.Body) == digest
                : string.Equals(Normalize(existing.Body), Normalize(full), StringComparison.Ordinal);
            if (unchanged)
            {
                return new CommentOutcome(CommentAction.Unchanged, existing.Id, existing.HtmlUrl);
            }

            var updated = await client.Update(existing.Id, full).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Updated, updated.Id, updated.HtmlUrl ?? existing.HtmlUrl);
        }
        catch (Exception e) when (GitHubErrors.IsPermissionDenied(e))
        {
            return new CommentOutcome(CommentAction.Forbidden, Message: e.Message);
        }
    }

    /// <summary>The digest of a result: a short hex hash of <paramref name="parts"/> (ordinal, invariant text).</summary>
    public static string Digest(IEnumerable<string> parts)
    {
        var text = string.Join("\n", parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The digest stored in a comment body, or null.</summary>
    public static string? ReadDigest(string body)
    {
        var start = body.LastIndexOf(DigestPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += DigestPrefix.Length;
        var end = body.IndexOf(" -->", start, StringComparison.Ordinal);
        return end < 0 ? null : body[start..end];
    }

    /// <summary>
    /// The earliest comment whose first line is the marker, preferring one a bot wrote (so a person's
    /// comment that starts with the marker text is not taken over while the bot's own exists).
    /// </summary>
    private static IssueCommentRef? Find(IReadOnlyList<IssueCommentRef> comments, string marker)
    {
        var matching = comments
            .Where(c => c.Body.TrimStart().StartsWith(marker, StringComparison.Ordinal))
            .OrderBy(c => c.Id)
            .ToList();
        return matching.FirstOrDefault(c => c.IsBot) ?? matching.FirstOrDefault();
    }

    private static string WithDigest(string body, string digest) =>
        body.TrimEnd('\n', '\r') + "\n" + DigestPrefix + digest + " -->\n";

    // GitHub may return bodies with CRLF line ends.
    private static string Normalize(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
