using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>
/// Finds the call paths that contribute most to a finding's change and writes each as one line:
/// <c>Main › Handler › Parse  ▲ +12.4%  (3.10% → 3.49%)</c>.
/// </summary>
public static class FlamePathBuilder
{
    private const int FrameLength = 60;
    private const int KeepFirst = 2;
    private const int KeepLast = 4;

    /// <summary>The flame path view for <paramref name="finding"/>, or null when its tree has no such function.</summary>
    public static FlamePathView? Build(ComparisonResult comparison, Finding finding, ReportDialect dialect, int paths, int nameLength)
    {
        var type = Find(comparison, finding.Scenario, finding.SampleType);
        if (type is null || paths <= 0)
        {
            return null;
        }

        var measure = finding.Measure;
        var nodes = Widest(type.Root, finding.Function, measure, paths);
        if (nodes.Count == 0)
        {
            return null;
        }

        var lines = nodes.Select(n => dialect.CodeLine(Line(n, measure, type.HeadFactor))).ToList();
        return new FlamePathView(
            dialect.NameInHtml(finding.Function, nameLength),
            FindingRowBuilder.ShortChange(finding),
            MarkdownText.CodeBlockFence(lines),
            lines);
    }

    /// <summary>The sample type comparison a finding belongs to, or null.</summary>
    public static SampleTypeComparison? Find(ComparisonResult comparison, string scenario, string sampleType) =>
        comparison.Scenarios.FirstOrDefault(s => s.Scenario == scenario)?.SampleTypes
            .FirstOrDefault(t => t.SampleType.Type == sampleType);

    private static string Line(DiffNode node, Measure measure, double headFactor)
    {
        var names = node.Path();
        var shown = names.Count <= KeepFirst + KeepLast + 1
            ? names.Select(Frame)
            : names.Take(KeepFirst).Select(Frame)
                .Append($"… {names.Count - KeepFirst - KeepLast} frames …")
                .Concat(names.Skip(names.Count - KeepLast).Select(Frame));
        var b = Base(node, measure);
        var h = Head(node, measure);
        var change = b == 0 ? "▲ new" : h == 0 ? "▼ gone" : (h > b ? "▲ " : h < b ? "▼ " : "= ") + NumberText.Change((h - b) / b);
        return $"{string.Join(" › ", shown)}  {change}  ({NumberText.Share(b)} → {NumberText.Share(HeadShare.Plain(h, headFactor))} {(measure == Measure.Self ? "self" : "total")})";
    }

    private static string Frame(string name) => NameText.Inert(name, FrameLength);

    private static double Base(DiffNode node, Measure measure) => measure == Measure.Self ? node.BaseSelf : node.BaseTotal;

    private static double Head(DiffNode node, Measure measure) => measure == Measure.Self ? node.HeadSelf : node.HeadTotal;

    // The k nodes of the function with the largest change, best-first by width: a node's change is at most
    // its width and callees are never wider than callers, so the search stops as soon as the widest node
    // left is narrower than the k-th change found. On large trees it visits a tiny part of the tree.
    private static List<DiffNode> Widest(DiffNode root, string function, Measure measure, int k)
    {
        static double Width(DiffNode n) => Math.Max(n.BaseTotal, n.HeadTotal);
        double Change(DiffNode n) => Math.Abs(Head(n, measure) - Base(n, measure));

        var found = new List<DiffNode>();
        var largest = new PriorityQueue<double, double>();
        var queue = new PriorityQueue<DiffNode, double>();
        queue.Enqueue(root, -Width(root));
        while (queue.TryDequeue(out var node, out var negativeWidth))
        {
            if (largest.Count >= k && -negativeWidth < largest.Peek())
            {
                break;
            }

            if (node.Parent is not null && node.Name == function)
            {
                found.Add(node);
                largest.Enqueue(Change(node), Change(node));
                if (largest.Count > k)
                {
                    largest.Dequeue();
                }
            }

            foreach (var child in node.Children)
            {
                queue.Enqueue(child, -Width(child));
            }
        }

        return [.. found
            .OrderByDescending(Change)
            .ThenByDescending(n => n.HeadTotal)
            .ThenBy(n => string.Join("\n", n.Path()), StringComparer.Ordinal)
            .Take(k)];
    }
}
