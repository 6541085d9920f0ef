using ContinuousProfiler.Gate.Reports.Markdown;
using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

public sealed class RendererTests
{
    [Fact]
    public void Console_has_no_escape_codes_unless_colors_are_on()
    {
        var input = ReportFixtures.Regression();
        Assert.DoesNotContain('\u001b', Render(ReportFormat.Console, input));
        var colored = Render(ReportFormat.Console, input with { UseColor = true });
        Assert.Contains("\u001b[1m\u001b[31mFAIL\u001b[0m", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[31mfail\u001b[0m", colored, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_strips_escape_sequences_from_names()
    {
        var input = ReportFixtures.Regression();
        var evil = input with { Verdict = new([input.Verdict.Findings[0] with { Function = "Evil\u001b[2J\u001b]0;pwned\u0007" }]) };
        var text = Render(ReportFormat.Console, evil with { UseColor = true });
        Assert.Contains("Evil [2J ]0;pwned ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 20)]
    [InlineData(10_000, 300)]
    [InlineData(300, 20_000)]
    public void The_comment_never_exceeds_the_limit(int functions, int nameLength)
    {
        var text = CommentRenderer.Render(ReportFixtures.Huge(functions, nameLength), TemplateSource.Embedded);
        Assert.True(text.Length <= CommentRenderer.MaxLength, $"{text.Length} characters");
        Assert.StartsWith("<!-- profgate:comment group=huge -->\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Split("<details>").Length, text.Split("</details>").Length);
    }

    [Fact]
    public void The_first_try_is_used_when_it_fits()
    {
        var input = ReportFixtures.Huge(30);
        Assert.Equal(CommentRenderer.RenderOnce(input, TemplateSource.Embedded, Views.ViewLimits.Comment), CommentRenderer.Render(input, TemplateSource.Embedded));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            Assert.Equal(Render(format, ReportFixtures.Regression()), Render(format, ReportFixtures.Regression()));
        }
    }

    private static string Render(ReportFormat format, ReportInput input)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ReportRenderer.Render(format, input, writer);
        return writer.ToString();
    }
}
