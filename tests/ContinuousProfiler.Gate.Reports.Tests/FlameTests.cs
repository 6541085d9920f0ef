using System.Text.Json;
using ContinuousProfiler.Gate.Reports.Flame;
using ContinuousProfiler.Gate.Reports.Html;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

public sealed class FlameTests
{
    private static readonly Core.Comparison.SampleTypeComparison Type = ComparisonBuilder.SampleType(
        "main;a;x 600\nmain;a;y 300\nmain;b 99\nmain;c;tiny 1",
        "main;a;x 700\nmain;a;y 200\nmain;b 99\nmain;d 1");

    [Fact]
    public void Frames_are_pre_order_with_children_by_name_and_both_sides()
    {
        var graph = FlameGraphBuilder.Build(Type.Root, minShare: 0);
        var rows = graph.Frames.Select(f => $"{new string(' ', f.Depth)}{graph.Names[f.Name]} {f.BaseTotal:0.###}/{f.HeadTotal:0.###}").ToList();
        Assert.Equal(
        [
            "all 1/1",
            " main 1/1",
            "  a 0.9/0.9",
            "   x 0.6/0.7",
            "   y 0.3/0.2",
            "  b 0.099/0.099",
            "  c 0.001/0",
            "   tiny 0.001/0",
            "  d 0/0.001",
        ], rows);
        Assert.Equal(0, graph.PrunedPaths);
        Assert.Equal(3, graph.MaxDepth);
    }

    [Fact]
    public void Frames_narrower_than_the_threshold_on_both_sides_are_pruned_and_counted()
    {
        var graph = FlameGraphBuilder.Build(Type.Root, minShare: 0.01);
        Assert.DoesNotContain("tiny", graph.Names);
        Assert.DoesNotContain("d", graph.Names);
        Assert.Equal(2, graph.PrunedPaths);
        Assert.Equal(0.001, graph.PrunedBaseShare, 9);
        Assert.Equal(0.001, graph.PrunedHeadShare, 9);
    }

    [Fact]
    public void The_frame_budget_keeps_the_widest_frames_as_a_connected_tree()
    {
        var graph = FlameGraphBuilder.Build(Type.Root, minShare: 0, maxFrames: 4);
        Assert.Equal(["all", "main", "a", "x"], graph.Frames.Select(f => graph.Names[f.Name]));
        Assert.Equal(4, graph.PrunedPaths);
    }

    [Fact]
    public void Colors_go_from_grey_to_red_and_blue_by_relative_size_of_change()
    {
        Assert.Equal("rgb(228,228,231)", FlameColor.Fill(0, 1));
        Assert.Equal("rgb(220,38,38)", FlameColor.Fill(1, 1));
        Assert.Equal("rgb(37,99,235)", FlameColor.Fill(-1, 1));
        Assert.Equal("rgb(228,228,231)", FlameColor.Fill(0.005, 1));
        Assert.True(FlameColor.Intensity(0.25, 1) > 0.25);
    }

    [Fact]
    public void Report_data_is_json_that_cannot_end_its_script_element()
    {
        var json = ReportDataWriter.Write(ReportFixtures.Hostile());
        Assert.DoesNotContain("</", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var view = doc.RootElement.GetProperty("views")[0];
        Assert.Equal(0, view.GetProperty("frames").GetArrayLength() % 6);
        Assert.Equal(0, view.GetProperty("functions").GetArrayLength() % 5);
        Assert.Contains(view.GetProperty("names").EnumerateArray(), n => n.GetString() == "<script>alert(1)</script>");
    }

    [Fact]
    public void Identical_sample_types_share_their_arrays()
    {
        var cpu = ComparisonBuilder.SampleType("main;a 3\nmain;b 1", "main;a 2\nmain;b 2");
        var samples = ComparisonBuilder.SampleType("main;a 3\nmain;b 1", "main;a 2\nmain;b 2", "samples", "count");
        var input = new ReportInput(ComparisonBuilder.Result(ReportFixtures.Baseline, ComparisonBuilder.Scenario("s", samples, cpu)), new Core.Verdicts.Verdict([]));
        using var doc = JsonDocument.Parse(ReportDataWriter.Write(input));
        var views = doc.RootElement.GetProperty("views");
        Assert.True(views[0].TryGetProperty("frames", out _));
        Assert.Equal(0, views[1].GetProperty("sameAs").GetInt32());
        Assert.False(views[1].TryGetProperty("frames", out _));
    }
}
