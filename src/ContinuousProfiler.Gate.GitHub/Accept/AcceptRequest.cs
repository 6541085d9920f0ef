using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.GitHub.Accept;

/// <summary>
/// A PR's request to accept deliberate regressions without loosening the config: the
/// <c>profgate:accept</c> label (accepts every failure) or <c>Profgate-Accept: &lt;glob&gt;</c>
/// commit trailers (accept failures of matching functions).
/// </summary>
/// <param name="Label">True when the PR carries <see cref="LabelName"/>.</param>
/// <param name="Globs">Function-name globs from trailers, ordinal order, distinct.</param>
public sealed partial record AcceptRequest(bool Label, ImmutableArray<string> Globs)
{
    /// <summary>The label that accepts every failure of the PR.</summary>
    public const string LabelName = "profgate:accept";

    /// <summary>The commit trailer key.</summary>
    public const string TrailerKey = "Profgate-Accept";

    /// <summary>Nothing accepted.</summary>
    public static readonly AcceptRequest None = new(false, []);

    /// <summary>True when nothing is accepted.</summary>
    public bool IsEmpty => !Label && Globs.IsEmpty;

    /// <summary>Builds the request from the PR's labels and commit messages.</summary>
    public static AcceptRequest From(IEnumerable<string> labels, IEnumerable<string> commitMessages) => new(
        labels.Any(l => string.Equals(l.Trim(), LabelName, StringComparison.OrdinalIgnoreCase)),
        commitMessages.SelectMany(Trailers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    /// <summary>
    /// The <c>Profgate-Accept</c> values of one commit message. Like git, trailers are read from the
    /// message's last paragraph only, so prose that mentions the key does not count.
    /// </summary>
    public static IEnumerable<string> Trailers(string message)
    {
        var paragraphs = ParagraphBreak().Split(message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        if (paragraphs.Length < 2)
        {
            // A one-paragraph message is all subject and body, never trailers.
            yield break;
        }

        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var match = TrailerLine().Match(line);
            if (match.Success && match.Groups[1].Value.Trim() is { Length: > 0 } glob)
            {
                yield return glob;
            }
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"^Profgate-Accept[ \t]*:[ \t]*(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailerLine();
}
