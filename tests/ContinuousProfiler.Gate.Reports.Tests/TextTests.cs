using ContinuousProfiler.Gate.Reports.Text;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.1234, "12.34%")]
    [InlineData(0.0004217, "0.042%")]
    [InlineData(0.000001, "<0.001%")]
    [InlineData(1.0, "100.00%")]
    public void Share(double fraction, string expected) => Assert.Equal(expected, NumberText.Share(fraction));

    [Theory]
    [InlineData(0.124, "+12.4%")]
    [InlineData(-0.03, "-3.0%")]
    [InlineData(2.5, "+250%")]
    [InlineData(12.345, "+1,235%")]
    [InlineData(0.0001, "+0.01%")]
    [InlineData(0.00001, "±0.00%")]
    [InlineData(0.0, "±0.00%")]
    [InlineData(-1.0, "-100%")]
    public void Change(double relative, string expected) => Assert.Equal(expected, NumberText.Change(relative));

    [Fact]
    public void Change_with_interval_reads_like_the_design()
    {
        Assert.Equal("+12.4% [+9.1%, +15.8%]", NumberText.ChangeWithInterval(0.124, 0.091, 0.158));
        Assert.Equal("+12.4%", NumberText.ChangeWithInterval(0.124, double.NaN, double.NaN));
    }

    [Theory]
    [InlineData(1.5, "+1.50 pts")]
    [InlineData(-0.042, "-0.042 pts")]
    public void Points(double points, string expected) => Assert.Equal(expected, NumberText.Points(points));

    [Theory]
    [InlineData(0.42, "0.42 ms")]
    [InlineData(812.4, "812 ms")]
    [InlineData(1234, "1.23 s")]
    [InlineData(125_000, "2 min 05 s")]
    public void Milliseconds(double ms, string expected) => Assert.Equal(expected, NumberText.Milliseconds(ms));

    [Theory]
    [InlineData(512, "bytes", "512 B")]
    [InlineData(1536, "bytes", "1.50 KB")]
    [InlineData(12.3 * 1024 * 1024, "bytes", "12.3 MB")]
    [InlineData(2.5e9, "nanoseconds", "2.50 s")]
    [InlineData(1234567, "count", "1,234,567")]
    [InlineData(3, "widgets", "3 widgets")]
    public void Quantity(double value, string unit, string expected) => Assert.Equal(expected, NumberText.Quantity(value, unit));

    [Fact]
    public void Names_lose_control_characters_and_keep_their_ends_when_shortened()
    {
        Assert.Equal("a b c", NameText.Clean("a\nb\u001bc"));
        var shortened = NameText.Clean("Namespace.Very.Long.Type.Name.Method", 20);
        Assert.Equal(20, shortened.Length);
        Assert.StartsWith("Namesp", shortened, StringComparison.Ordinal);
        Assert.EndsWith("Name.Method", shortened, StringComparison.Ordinal);
        Assert.Equal(NameText.Empty, NameText.Clean(""));
    }

    [Fact]
    public void Shortening_never_splits_a_surrogate_pair()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 40));
        for (var max = 3; max < 30; max++)
        {
            var shortened = NameText.Clean(name, max);
            Assert.All(shortened.Select((c, i) => (c, i)), p =>
            {
                if (char.IsHighSurrogate(p.c))
                {
                    Assert.True(p.i + 1 < shortened.Length && char.IsLowSurrogate(shortened[p.i + 1]));
                }
                else if (char.IsLowSurrogate(p.c))
                {
                    Assert.True(p.i > 0 && char.IsHighSurrogate(shortened[p.i - 1]));
                }
            });
        }
    }

    [Fact]
    public void Mentions_issue_links_and_markers_are_neutralized()
    {
        Assert.Equal("@\u200Duser #\u200D123", NameText.Inert("@user #123"));
        Assert.Equal("<\u200D!-- x -->", NameText.Inert("<!-- x -->"));
    }

    [Theory]
    [InlineData("Parse", "`Parse`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x`", "`` `x` ``")]
    [InlineData("``double``", "``` ``double`` ```")]
    [InlineData(" pad", "`  pad `")]
    public void Code_spans_use_a_fence_longer_than_any_backtick_run(string name, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(name));

    [Theory]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("back\\|slash", "`back\\\u200B\\|slash`")]
    public void Table_cells_escape_pipes(string name, string expected) => Assert.Equal(expected, MarkdownText.CodeInCell(name));

    [Fact]
    public void Prose_escapes_markdown_and_html()
    {
        Assert.Equal("\\<b\\>x\\</b\\> \\*y\\* \\[z\\](u) \\| @\u200Dme", MarkdownText.Prose("<b>x</b> *y* [z](u) | @me"));
    }

    [Fact]
    public void Code_block_fence_outgrows_backticks_in_lines()
    {
        Assert.Equal("```", MarkdownText.CodeBlockFence(["a › b"]));
        Assert.Equal("`````", MarkdownText.CodeBlockFence(["a ```` b"]));
    }

    [Fact]
    public void Html_escapes_markup_and_quotes() =>
        Assert.Equal("&lt;script&gt;&amp;&quot;&#39;", HtmlText.Escape("<script>&\"'"));

    [Fact]
    public void Report_formats_parse_and_name_the_valid_values()
    {
        Assert.Equal(ReportFormat.SvgBase, ReportFormats.Parse("svg-base"));
        Assert.Equal(ReportFormat.Markdown, ReportFormats.Parse("MARKDOWN"));
        var e = Assert.Throws<Core.InputException>(() => ReportFormats.Parse("pdf"));
        Assert.Equal("--format pdf: unknown report format; expected one of markdown, summary, html, svg, svg-base, console", e.Message);
    }
}
