using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.GitHub.Actions;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.GitHub.Tests;

public sealed class StepOutputWriterTests
{
    [Fact]
    public void Single_line_values_are_name_value_lines_in_name_order()
    {
        var writer = new StringWriter();
        StepOutputWriter.Write(new Dictionary<string, string> { ["verdict"] = "fail", ["regressions"] = "2" }, writer);
        Assert.Equal("regressions=2\nverdict=fail\n", writer.ToString());
    }

    [Fact]
    public void A_multi_line_value_cannot_inject_another_output()
    {
        var writer = new StringWriter();
        StepOutputWriter.Write(new Dictionary<string, string> { ["report"] = "line 1\nverdict=pass" }, writer);
        var lines = writer.ToString().Split('\n');
        Assert.StartsWith("report<<profgate_", lines[0]);
        var delimiter = lines[0]["report<<".Length..];
        Assert.Equal(["line 1", "verdict=pass", delimiter, ""], lines[1..]);
    }

    [Fact]
    public void Append_adds_to_the_file_and_a_bad_path_is_one_line()
    {
        using var dir = new TempDir();
        var path = dir.File("output");
        File.WriteAllText(path, "earlier=1\n");
        StepOutputWriter.Append(new Dictionary<string, string> { ["verdict"] = "pass" }, path);
        Assert.Equal("earlier=1\nverdict=pass\n", File.ReadAllText(path));

        var error = Assert.Throws<InputException>(() => StepOutputWriter.Append(new Dictionary<string, string> { ["a"] = "b" }, dir.File("missing/output")));
        Assert.StartsWith("GITHUB_OUTPUT=", error.Message);
    }

    [Fact]
    public void Workflow_commands_escape_newlines_and_properties()
    {
        Assert.Equal("::warning::a%0A::error::b 100%25", WorkflowCommands.Warning("a\n::error::b 100%"));
        Assert.Equal("::error title=x%3A y%2C z::m", WorkflowCommands.Error("m", "x: y, z"));
    }

    [Fact]
    public void The_job_summary_is_appended_with_a_final_newline()
    {
        using var dir = new TempDir();
        var path = dir.File("summary.md");
        JobSummaryWriter.Append("# one", path);
        JobSummaryWriter.Append("two\n", path);
        Assert.Equal("# one\ntwo\n", File.ReadAllText(path));
    }
}
