using System.Net;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests.Fixtures;

/// <summary>GitHub's Markdown parser (Debian cmark-gfm) with the extensions github.com uses.</summary>
public static partial class CmarkGfm
{
    public static string Render(string markdown)
    {
        var exe = Requirements.Which("cmark-gfm") ?? throw new InvalidOperationException("cmark-gfm not installed: apt-get install -y cmark-gfm");
        var result = ProcessRunner.Run(exe, ["--unsafe", "--github-pre-lang", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"], stdin: markdown, timeoutMs: 60_000);
        Assert.True(result.ExitCode == 0, result.StdErr);
        return result.StdOut;
    }

    /// <summary>The text of an HTML fragment: tags removed, entities decoded, invisible joiners removed.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Replace("\u200D", "", StringComparison.Ordinal).Replace("\u200B", "", StringComparison.Ordinal);

    /// <summary>The HTML tag names that occur in <paramref name="html"/> (lower case, distinct).</summary>
    public static IReadOnlySet<string> TagNames(string html) =>
        TagName().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Elements(string html, string tag) =>
        [.. Regex.Matches(html, $"<{tag}[ >].*?</{tag}>", RegexOptions.Singleline).Select(m => m.Value)];

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex TagName();
}
