using System.Text;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Reports.Flame;
using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;

namespace ContinuousProfiler.Gate.Reports.Svg;

/// <summary>
/// A static differential flame graph in FlameGraph's conventions: root at the bottom, callees above,
/// children in name order, width by head's share (or base's, for the base view), color by the change of
/// the frame's self share (red grew, blue shrank). An embedded script zooms on click in a browser.
/// </summary>
public static class SvgFlameRenderer
{
    /// <summary>The template's file name.</summary>
    public const string TemplateName = "flamegraph.svg.sbn";

    /// <summary>The zoom script embedded into the SVG.</summary>
    public const string ScriptAsset = "assets/flamegraph-svg.js";

    private const int ImageWidth = 1200;
    private const int Padding = 10;
    private const int Top = 66;

    // FlameGraph keeps frames down to 0.1 px; a static image gains nothing from frames under a third
    // of a pixel, and leaving them out keeps a 50,000-stack graph under 5 MB.
    private const double MinPixels = 0.3;

    /// <summary>Writes the SVG; <paramref name="baseShape"/> draws widths by base; <paramref name="withScript"/> false leaves the script out.</summary>
    public static void Render(ReportInput input, TemplateSource source, TextWriter output, bool baseShape = false, bool withScript = true)
    {
        var verdict = VerdictViewBuilder.Build(input.Comparison, input.Verdict);
        var (scenario, type) = Pick(input);
        var graph = type is null ? null : FlameGraphBuilder.Build(type.Root, minShare: MinPixels / (ImageWidth - (2 * Padding)), maxFrames: 30_000);
        var framesWidth = ImageWidth - (2 * Padding);
        var frames = new StringBuilder();
        var count = graph is null ? 0 : SvgFrameWriter.Write(graph, baseShape, framesWidth, Top, MinPixels, frames, type!.HeadFactor);
        var depth = graph is null ? 0 : graph.MaxDepth;
        var height = Top + ((depth + 1) * SvgFrameWriter.RowHeight) + 34;
        var what = type is null
            ? "nothing to draw"
            : $"{HtmlText.Name(scenario!, 200)} · {HtmlText.Escape(type.SampleType.ToString())} · width: {(baseShape ? "base" : "head")} share";
        var hidden = graph is { PrunedPaths: > 0 }
            ? $" · {NumberText.Count(graph.PrunedPaths)} call paths under {NumberText.Share(graph.MinShare)} hidden ({NumberText.Share(baseShape ? graph.PrunedBaseShare : Views.HeadShare.Plain(graph.PrunedHeadShare, type!.HeadFactor))} of {(baseShape ? "base" : "head")})"
            : "";
        var view = new SvgView
        {
            Title = HtmlText.Escape(input.Title is { } t ? NameText.Clean(t, 200) : "Differential flame graph"),
            Subtitle = $"{verdict.Title}: {verdict.Sentence} — {what}",
            Legend = "red: self share grew · blue: shrank · grey: unchanged" + hidden,
            Width = ImageWidth,
            Height = height,
            Padding = Padding,
            FramesWidth = framesWidth,
            DetailsY = height - 14,
            Script = withScript ? source.Read(ScriptAsset).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) : "",
            Frames = frames.ToString(),
            FrameCount = count,
        };
        TemplateRenderer.Render(source, TemplateName, new Dictionary<string, object?> { ["svg"] = view }, output);
    }

    private static (string? Scenario, SampleTypeComparison? Type) Pick(ReportInput input)
    {
        var all = input.Comparison.Scenarios.SelectMany(s => s.SampleTypes.Select(t => (Scenario: s.Scenario, Type: t))).ToList();
        var wanted = all.Where(v => (input.Scenario is null || v.Scenario == input.Scenario) && (input.SampleType is null || v.Type.SampleType.Type == input.SampleType)).ToList();
        if ((input.Scenario is not null || input.SampleType is not null) && wanted.Count == 0)
        {
            throw new Core.InputException($"--scenario/--sample-type: no compared scenario and sample type match ({input.Scenario ?? "any"}, {input.SampleType ?? "any"}); compared: {string.Join(", ", all.Select(v => $"{v.Scenario}/{v.Type.SampleType.Type}"))}");
        }

        foreach (var finding in input.Verdict.Findings.IsDefault ? [] : input.Verdict.Findings)
        {
            var match = wanted.FirstOrDefault(v => v.Scenario == finding.Scenario && v.Type.SampleType.Type == finding.SampleType);
            if (match.Type is not null)
            {
                return match;
            }
        }

        return wanted.Count > 0 ? wanted[0] : (null, null);
    }
}
