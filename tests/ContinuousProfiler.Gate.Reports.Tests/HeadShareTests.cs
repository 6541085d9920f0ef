using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using ContinuousProfiler.Gate.Reports.Views;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

/// <summary>
/// A function that grew 6× while the rest stayed put: 40% of base, 80% of head. Normalized (head factor 1/3), its
/// head reads 240% in base units, which is right for the change (+500%) but must never be shown as a share.
/// </summary>
public sealed class HeadShareTests
{
    private static ReportInput Grown()
    {
        var type = ComparisonBuilder.SampleType("Main;Mix 40\nMain;Other 60", "Main;Mix 240\nMain;Other 60") with { HeadFactor = 1.0 / 3 };
        var comparison = ComparisonBuilder.Result(ReportFixtures.Baseline, ComparisonBuilder.Scenario("bench", type));
        var verdict = new Verdict([FindingBuilder.Changed("bench", "Mix", 0.40, 2.40, 4.6, 5.4)]);
        return new ReportInput(comparison, verdict) { Group = "ci" };
    }

    [Theory]
    [InlineData(ReportFormat.Console)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Summary)]
    [InlineData(ReportFormat.Html)]
    public void A_grown_function_shows_plain_shares_of_each_run_and_the_normalized_change(ReportFormat format)
    {
        var text = Render(format);

        Assert.Contains("40.00%", text, StringComparison.Ordinal);
        Assert.Contains("80.00%", text, StringComparison.Ordinal);
        Assert.Contains("+500%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("240.00%", text, StringComparison.Ordinal);
        Assert.Empty(Regex.Matches(text, @"(?<![+\-\d.])\d{3,}\.\d+%").Select(m => m.Value));
        Assert.Contains("Shares are of each run", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_has_a_head_share_of_at_most_100_percent_and_points_between_the_shown_shares()
    {
        var input = Grown();
        var row = FindingRowBuilder.Build(input.Verdict.Findings[0], Text.ReportDialect.Plain, 80, HeadShare.FactorOf(input.Comparison, "bench", "cpu"));

        Assert.Equal(("40.00%", "80.00%", "+40.00 pts"), (row.Base, row.Head, row.Delta));
        Assert.StartsWith("+500%", row.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_head_in_base_units_and_adds_the_plain_head_share()
    {
        var input = Grown();
        using var writer = new StringWriter { NewLine = "\n" };
        Json.VerdictJsonRenderer.Render(input.Comparison, input.Verdict, writer);
        var finding = System.Text.Json.JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("findings")[0];

        Assert.Equal(2.40, finding.GetProperty("head").GetDouble(), 9);
        Assert.Equal(0.80, finding.GetProperty("headShare").GetDouble(), 9);
    }

    private static string Render(ReportFormat format)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ReportRenderer.Render(format, Grown(), writer);
        return writer.ToString();
    }
}
