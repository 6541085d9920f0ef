using System.Globalization;
using System.Text;
using ContinuousProfiler.Gate.Reports.Flame;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Svg;

/// <summary>
/// Writes a flame graph's frames as SVG, FlameGraph style: root at the bottom, width by one side's share,
/// fill by the change of the frame's self share. Each frame is a <c>&lt;g&gt;</c> with a two-line title
/// (name, then the numbers), a rect positioned in percent of the frame area, and a label when it fits.
/// </summary>
public static class SvgFrameWriter
{
    /// <summary>Height of one frame row in px.</summary>
    public const int RowHeight = 16;

    private const double CharWidth = 12 * 0.59;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the frames of <paramref name="graph"/>; returns how many were written.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="baseShape">Widths by base (else head).</param>
    /// <param name="framesWidth">The frame area's width in px.</param>
    /// <param name="top">The y of the deepest row.</param>
    /// <param name="minPixels">Frames narrower than this are left out.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="headFactor">Turns head values (base units) into plain shares of the head run for the tooltips.</param>
    public static int Write(FlameGraph graph, bool baseShape, int framesWidth, int top, double minPixels, StringBuilder output, double headFactor = 1)
    {
        double Width(FlameFrame f) => baseShape ? f.BaseTotal : f.HeadTotal;
        var rootWidth = graph.Frames.Count == 0 ? 0 : Width(graph.Frames[0]);
        if (rootWidth <= 0)
        {
            return 0;
        }

        var maxDelta = graph.Frames.Skip(1).Select(f => Math.Abs(f.HeadSelf - f.BaseSelf)).DefaultIfEmpty(0).Max();
        var cursor = new double[graph.MaxDepth + 2];
        var count = 0;
        foreach (var f in graph.Frames)
        {
            var x = f.Depth == 0 ? 0 : cursor[f.Depth];
            cursor[f.Depth] = x + Width(f);
            cursor[f.Depth + 1] = x;
            var fx = x / rootWidth;
            var fw = Width(f) / rootWidth;
            if (fw * framesWidth < minPixels)
            {
                continue;
            }

            var name = NameText.Clean(graph.Names[f.Name], 500);
            var y = top + ((graph.MaxDepth - f.Depth) * RowHeight);
            var delta = f.HeadSelf - f.BaseSelf;
            output.Append("    <g><title>").Append(HtmlText.Escape(name)).Append("&#10;").Append(HtmlText.Escape(Details(f, headFactor))).Append("</title>")
                .Append("<rect x=\"").Append(Percent(fx)).Append("\" y=\"").Append(y.ToString(Invariant))
                .Append("\" width=\"").Append(Percent(fw)).Append("\" height=\"15\" fill=\"").Append(FlameColor.Fill(delta, maxDelta)).Append("\"/>");
            var label = Label(name, fw * framesWidth);
            if (label.Length > 0)
            {
                output.Append("<text x=\"").Append(Percent(fx + 0.0025)).Append("\" y=\"").Append((y + 11.5).ToString("0.0", Invariant)).Append('"')
                    .Append(FlameColor.DarkFill(delta, maxDelta) ? " class=\"dark\">" : ">").Append(HtmlText.Escape(label)).Append("</text>");
            }

            output.Append("</g>\n");
            count++;
        }

        return count;
    }

    private static string Details(FlameFrame f, double headFactor) =>
        $"head {NumberText.Share(Views.HeadShare.Plain(f.HeadTotal, headFactor))}, base {NumberText.Share(f.BaseTotal)} · self {NumberText.Share(f.BaseSelf)} → {NumberText.Share(Views.HeadShare.Plain(f.HeadSelf, headFactor))} ({Change(f.BaseSelf, f.HeadSelf)}) · total {Change(f.BaseTotal, f.HeadTotal)}";

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

    private static string Percent(double fraction) => (fraction * 100).ToString("0.####", Invariant) + "%";
}
