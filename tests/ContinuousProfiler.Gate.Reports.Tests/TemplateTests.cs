using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Reports.Markdown;
using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

public sealed class TemplateTests : IDisposable
{
    private readonly TempDir _dir = new("profgate-templates");

    [Fact]
    public void Every_template_and_asset_is_embedded() =>
        Assert.Equal(
            ["assets/flamegraph-svg.js", "assets/report.css", "assets/report.js", "comment.md.sbn", "flamegraph.svg.sbn", "report.html.sbn", "summary.md.sbn"],
            TemplateSource.EmbeddedNames);

    [Fact]
    public void A_template_in_the_override_folder_replaces_the_embedded_one()
    {
        File.WriteAllText(_dir.File("comment.md.sbn"), "{{ report.marker }}\nCustom: {{ report.verdict.title }} ({{ report.counts.regressed }} regressed)\n");
        var text = Render(ReportFormat.Markdown);
        Assert.Equal("<!-- profgate:comment group=ci -->\nCustom: Performance regression (1 regressed)\n", text);
        Assert.Contains("#### Regressed", Render(ReportFormat.Markdown, overrides: false), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_fails_with_file_line_and_column()
    {
        File.WriteAllText(_dir.File("summary.md.sbn"), "line one\n{{ report.verdict.titel }}\n");
        var e = Assert.Throws<InputException>(() => Render(ReportFormat.Summary));
        Assert.StartsWith($"template {_dir.File("summary.md.sbn")}(2,", e.Message, StringComparison.Ordinal);
        Assert.Contains("titel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_fails_with_file_and_line()
    {
        File.WriteAllText(_dir.File("summary.md.sbn"), "ok\n\n{{ for x in report.regressions }}\nno end\n");
        var e = Assert.Throws<InputException>(() => Render(ReportFormat.Summary));
        Assert.StartsWith($"template {_dir.File("summary.md.sbn")}: {_dir.File("summary.md.sbn")}(", e.Message, StringComparison.Ordinal);
        Assert.Contains("error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_override_folder_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => new TemplateSource(_dir.File("nope")));
        Assert.StartsWith($"--templates {_dir.File("nope")}: folder not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_template_that_overflows_falls_back_to_a_minimal_comment_with_the_marker()
    {
        File.WriteAllText(_dir.File("comment.md.sbn"), "{{ report.marker }}\n{{ for i in 1..70000 }}x{{ end }}\n");
        var text = Render(ReportFormat.Markdown);
        Assert.StartsWith("<!-- profgate:comment group=ci -->\n### ❌ Performance regression", text, StringComparison.Ordinal);
        Assert.True(text.Length < CommentRenderer.MaxLength);
    }

    [Fact]
    public void A_failed_render_leaves_no_file_behind()
    {
        File.WriteAllText(_dir.File("report.html.sbn"), "{{ nope }}");
        var output = _dir.File("out/report.html");
        Assert.Throws<InputException>(() => ReportRenderer.RenderToFile(ReportFormat.Html, ReportFixtures.Regression() with { TemplatesDirectory = _dir.Path }, output));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    public void Dispose() => _dir.Dispose();

    private string Render(ReportFormat format, bool overrides = true)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ReportRenderer.Render(format, ReportFixtures.Regression() with { TemplatesDirectory = overrides ? _dir.Path : null }, writer);
        return writer.ToString();
    }
}
