using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Diff;

/// <summary><c>profgate diff --format markdown|summary|html|svg|svg-base</c> and <c>--templates</c>.</summary>
public sealed class DiffReportFormatTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _base;
    private readonly string _head;

    public DiffReportFormatTests()
    {
        _base = DiffInputs.Folded(_dir, "base.folded", DiffInputs.Base);
        _head = DiffInputs.Folded(_dir, "head.folded", DiffInputs.Slower);
    }

    [Fact]
    public void Markdown_is_the_pr_comment_with_its_marker()
    {
        var result = CliRun.Run("diff", _base, _head, "--format", "markdown");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<!-- profgate:comment group=default -->\n### ❌ Performance regression", result.Out, StringComparison.Ordinal);
        Assert.Contains("| 🔴 | `regexp.compile` |", result.Out, StringComparison.Ordinal);
        Assert.Contains("<summary>Flame path: <code>regexp.compile</code>", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Summary_has_the_scenario_table()
    {
        var result = CliRun.Run("diff", _base, _head, "--format", "summary");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("## ❌ profgate: default — Performance regression", result.Out, StringComparison.Ordinal);
        Assert.Contains("| Scenario | Outcome |", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>", "id=\"profgate-data\"")]
    [InlineData("svg", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>", "regexp.compile&#10;head")]
    [InlineData("svg-base", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>", "width: base share")]
    public void Html_and_svg_are_written_to_the_output_file(string format, string start, string contains)
    {
        var path = _dir.File($"out/report.{format}");
        var result = CliRun.Run("diff", _base, _head, "--format", format, "-o", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("profgate: fail (", result.Out, StringComparison.Ordinal);
        Assert.EndsWith($"; wrote {path}\n", result.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(path);
        Assert.StartsWith(start, text, StringComparison.Ordinal);
        Assert.Contains(contains, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_folder_replaces_the_embedded_template()
    {
        var templates = Directory.CreateDirectory(_dir.File("templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "comment.md.sbn"), "{{ report.marker }}\n{{ report.verdict.title }}: {{ report.counts.regressed }} regressed\n");
        var result = CliRun.Run("diff", _base, _head, "--format", "markdown", "--templates", templates);
        Assert.Equal("<!-- profgate:comment group=default -->\nPerformance regression: 1 regressed\n", result.Out);
    }

    [Fact]
    public void A_broken_template_is_one_line_and_exit_code_2()
    {
        var templates = Directory.CreateDirectory(_dir.File("broken")).FullName;
        File.WriteAllText(Path.Combine(templates, "summary.md.sbn"), "ok\n{{ report.verdict.titel }}\n");
        var output = _dir.File("summary.md");
        var result = CliRun.Run("diff", _base, _head, "--format", "summary", "--templates", templates, "-o", output);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"profgate: template {Path.Combine(templates, "summary.md.sbn")}(2,", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_templates_folder_is_exit_code_2()
    {
        var result = CliRun.Run("diff", _base, _head, "--format", "markdown", "--templates", _dir.File("nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"profgate: --templates {_dir.File("nope")}: folder not found", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
