using System.Globalization;
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
    private const int FrameHeight = 16;
    private const int Top = 66;
    private const double CharWidth = 12 * 0.59;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the SVG; <paramref name="baseShape"/> draws widths by base; <paramref name="withScript"/> false leaves the script out.</summary>
    public static void Render(ReportInput input, TemplateSource source, TextWriter output, bool baseShape = false, bool withScript = true)
    {
        var verdict = VerdictViewBuilder.Build(input.Comparison, input.Verdict);
        var (scenario, type) = Pick(input);
        var graph = type is null ? null : FlameGraphBuilder.Build(type.Root, maxFrames: 30_000);
        var framesWidth = ImageWidth - (2 * Padding);
        var frames = graph is null ? [] : Frames(graph, baseShape, framesWidth);
        var depth = graph is null ? 0 : graph.MaxDepth;
        var height = Top + ((depth + 1) * FrameHeight) + 34;
        var what = type is null
            ? "nothing to draw"
            : $"{HtmlText.Name(scenario!, 200)} · {HtmlText.Escape(type.SampleType.ToString())} · width: {(baseShape ? "base" : "head")} share";
        var hidden = graph is { PrunedFrames: > 0 }
            ? $" · {NumberText.Count(graph.PrunedFrames)} frames under {NumberText.Share(graph.MinShare)} hidden ({NumberText.Share(baseShape ? graph.PrunedBaseShare : graph.PrunedHeadShare)} of {(baseShape ? "base" : "head")})"
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
            Frames = frames,
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

    private static List<SvgFrameView> Frames(FlameGraph graph, bool baseShape, int framesWidth)
    {
        double Width(FlameFrame f) => baseShape ? f.BaseTotal : f.HeadTotal;
        var rootWidth = graph.Frames.Count == 0 ? 0 : Width(graph.Frames[0]);
        var maxDelta = graph.Frames.Skip(1).Select(f => Math.Abs(f.HeadSelf - f.BaseSelf)).DefaultIfEmpty(0).Max();
        var cursor = new double[graph.MaxDepth + 2];
        var frames = new List<SvgFrameView>(graph.Frames.Count);
        foreach (var f in graph.Frames)
        {
            var x = f.Depth == 0 ? 0 : cursor[f.Depth];
            cursor[f.Depth] = x + Width(f);
            cursor[f.Depth + 1] = x;
            if (rootWidth <= 0 || Width(f) / rootWidth * framesWidth < 0.1)
            {
                continue;
            }

            var fx = x / rootWidth;
            var fw = Width(f) / rootWidth;
            var name = NameText.Clean(graph.Names[f.Name], 500);
            var y = Top + ((graph.MaxDepth - f.Depth) * FrameHeight);
            var delta = f.HeadSelf - f.BaseSelf;
            frames.Add(new SvgFrameView(
                HtmlText.Escape(name + "\n" + Details(f)),
                Percent(fx),
                y.ToString(Invariant),
                Percent(fw),
                FlameColor.Fill(delta, maxDelta),
                HtmlText.Escape(Label(name, fw * framesWidth)),
                Percent(fx, 0.25),
                (y + 11.5).ToString("0.0", Invariant),
                fx.ToString("0.######", Invariant),
                fw.ToString("0.######", Invariant),
                f.Depth,
                FlameColor.DarkFill(delta, maxDelta)));
        }

        return frames;
    }

    private static string Details(FlameFrame f) =>
        $"head {NumberText.Share(f.HeadTotal)} (self {NumberText.Share(f.HeadSelf)}) · base {NumberText.Share(f.BaseTotal)} (self {NumberText.Share(f.BaseSelf)}) · "
        + $"self {Change(f.BaseSelf, f.HeadSelf)} ({NumberText.Points((f.HeadSelf - f.BaseSelf) * 100)}) · total {Change(f.BaseTotal, f.HeadTotal)}";

    private static string Change(double b, double h) => b == 0 ? (h == 0 ? NumberText.Absent : "new") : h == 0 ? "gone" : NumberText.Change((h - b) / b);

    private static string Label(string name, double px)
    {
        var fit = (int)((px - 6) / CharWidth);
        if (fit < 3)
        {
            return "";
        }

        if (name.Length <= fit)
        {
            return name;
        }

        var keep = char.IsHighSurrogate(name[fit - 3]) ? fit - 3 : fit - 2;
        return name[..keep] + "..";
    }

    private static string Percent(double fraction, double offset = 0) => ((fraction * 100) + offset).ToString("0.0000", Invariant) + "%";
}
