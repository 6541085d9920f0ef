using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Reports.Markdown;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

/// <summary>The PR comment and job summary as GitHub's Markdown parser (cmark-gfm) renders them.</summary>
public sealed partial class CmarkTests
{
    private static readonly string[] AllowedTags = ["h2", "h3", "h4", "p", "strong", "em", "code", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "pre", "a", "sub", "ul", "li"];

    [CmarkFact]
    public void Comment_tables_render_as_tables_with_one_row_per_finding()
    {
        var html = CmarkGfm.Render(GoldenTests.Render(ReportFormat.Markdown, "regression"));
        var tables = CmarkGfm.Elements(html, "table");
        Assert.Equal(2, tables.Count);
        Assert.Contains("<th align=\"left\">Function</th>", tables[0], StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(tables[0], "<tr>").Count - 1);
        Assert.Equal(2, Regex.Matches(tables[1], "<tr>").Count - 1);
        Assert.Contains("+35.0% [+26.1%, +44.9%]", CmarkGfm.Text(tables[0]), StringComparison.Ordinal);
        Assert.Contains("30.00% → 40.50%", CmarkGfm.Text(tables[0]), StringComparison.Ordinal);
        Assert.Contains("hot-path", CmarkGfm.Text(tables[0]), StringComparison.Ordinal);
    }

    [CmarkFact]
    public void Details_hold_the_flame_path_as_a_code_block()
    {
        var html = CmarkGfm.Render(GoldenTests.Render(ReportFormat.Markdown, "regression"));
        var details = CmarkGfm.Elements(html, "details");
        Assert.Equal(2, details.Count);
        Assert.Contains("<summary>Flame path: <code>ReadToken</code> +35.0%</summary>", details[0], StringComparison.Ordinal);
        Assert.Matches("<pre lang=\"text\"><code>Main › Handler › Parse › ReadToken  ▲ \\+30.0%", details[0]);
        Assert.DoesNotContain("```", html, StringComparison.Ordinal);
    }

    [CmarkFact]
    public void Marker_survives_on_the_first_line()
    {
        foreach (var fixture in GoldenTests.FixtureNames)
        {
            var html = CmarkGfm.Render(GoldenTests.Render(ReportFormat.Markdown, fixture));
            Assert.StartsWith("<!-- profgate:comment group=", html, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(html, "<!-- profgate:comment"));
        }
    }

    [CmarkFact]
    public void Hostile_names_render_as_inert_text()
    {
        var markdown = GoldenTests.Render(ReportFormat.Markdown, "hostile");
        var html = CmarkGfm.Render(markdown);

        Assert.Empty(CmarkGfm.TagNames(html).Except(AllowedTags));
        var links = Regex.Matches(html, "<a href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["https://example.invalid/run?a=%281%29&amp;b=%3C2%3E"], links);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);

        var table = CmarkGfm.Elements(html, "table").Single();
        var rows = CmarkGfm.Elements(table, "tr").Skip(1).ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, row => Assert.Equal(7, Regex.Matches(row, "<td").Count));

        // Every name shows up whole inside a code element, as written (less the invisible joiners).
        var codes = CmarkGfm.Elements(html, "code").Select(CmarkGfm.Text).ToHashSet(StringComparer.Ordinal);
        var shown = ReportFixtures.HostileNames.Where(n => codes.Contains(n.Replace('\n', ' '))).ToList();
        Assert.True(shown.Count >= 10, $"names shown whole in code: {shown.Count}");
        Assert.Contains("back\\|slash\\", codes);
        Assert.Contains("a|b||c", codes);
        Assert.Contains("``double``", codes);
    }

    [Fact]
    public void Hostile_markdown_has_every_name_in_a_code_span_with_mentions_and_pipes_neutralized()
    {
        var markdown = GoldenTests.Render(ReportFormat.Markdown, "hostile");
        Assert.DoesNotMatch("@(?!\u200D)", markdown);
        Assert.DoesNotMatch("#(?![\u200D# ])", markdown);
        Assert.Single(Regex.Matches(markdown, "<!--"));

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| 🔴", StringComparison.Ordinal) || l.StartsWith("| 🟠", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, row => Assert.Equal(8, UnescapedPipes().Matches(row).Count));
        foreach (var name in ReportFixtures.HostileNames.Where(n => markdown.Contains(MarkdownText.CodeInCell(n), StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("| " + name + " |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("`a\\|b\\|\\|c`", markdown, StringComparison.Ordinal);
        Assert.Contains("``` ``double`` ```", markdown, StringComparison.Ordinal);
    }

    [CmarkFact]
    public void Ten_thousand_changed_functions_stay_under_the_limit_and_render()
    {
        var input = ReportFixtures.Huge(10_000);
        var markdown = CommentRenderer.Render(input, Templates.TemplateSource.Embedded);
        Assert.InRange(markdown.Length, 1000, CommentRenderer.MaxLength);
        Assert.True(markdown.Length < 65_536);
        Assert.Contains("more regressions (see the full report)", markdown, StringComparison.Ordinal);

        var html = CmarkGfm.Render(markdown);
        Assert.StartsWith("<!-- profgate:comment group=huge -->", html, StringComparison.Ordinal);
        Assert.Equal(2, CmarkGfm.Elements(html, "table").Count);
        var details = CmarkGfm.Elements(html, "details");
        Assert.NotEmpty(details);
        Assert.All(details, d => Assert.Contains("<pre lang=\"text\"><code>", d, StringComparison.Ordinal));
        Assert.Equal(Regex.Matches(markdown, "<details>").Count, Regex.Matches(markdown, "</details>").Count);
        Assert.Equal(0, Regex.Matches(markdown, "^```", RegexOptions.Multiline).Count % 2);
    }

    [CmarkFact]
    public void Summary_renders_tables_and_collapsed_sections()
    {
        var html = CmarkGfm.Render(GoldenTests.Render(ReportFormat.Summary, "multi-scenario"));
        var tables = CmarkGfm.Elements(html, "table");
        Assert.Equal(3, tables.Count);
        Assert.Contains("812 ms → 901 ms", CmarkGfm.Text(tables[0]), StringComparison.Ordinal);
        Assert.Contains("alloc_space/bytes", CmarkGfm.Text(tables[2]), StringComparison.Ordinal);
        Assert.Equal(2, CmarkGfm.Elements(html, "details").Count);
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipes();
}
