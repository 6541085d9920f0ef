using ContinuousProfiler.Gate.Core.Comparison;

namespace ContinuousProfiler.Gate.Reports.Flame;

/// <summary>
/// Flattens a <see cref="DiffNode"/> tree into a <see cref="FlameGraph"/>, keeping frames at least
/// <c>minShare</c> wide on either side and at most <c>maxFrames</c> of them (then the widest). A callee is
/// never wider than its caller, so the kept frames always form a connected tree from the root.
/// </summary>
public static class FlameGraphBuilder
{
    /// <summary>0.1 px of a 1,200 px graph: FlameGraph's default minimum width.</summary>
    public const double DefaultMinShare = 0.1 / 1200;

    /// <summary>Builds the graph of <paramref name="root"/>.</summary>
    public static FlameGraph Build(DiffNode root, double minShare = DefaultMinShare, int maxFrames = 60_000)
    {
        var cut = Math.Max(minShare, WidthOfFrame(root, maxFrames + 1));
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new List<FlameFrame>();
        int prunedFrames = 0;
        double prunedBase = 0, prunedHead = 0;

        var stack = new Stack<(DiffNode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > 0 && Width(node) < cut)
            {
                prunedFrames += Count(node);
                prunedBase += node.BaseTotal;
                prunedHead += node.HeadTotal;
                continue;
            }

            var name = depth == 0 ? "all" : node.Name;
            if (!index.TryGetValue(name, out var id))
            {
                id = names.Count;
                names.Add(name);
                index.Add(name, id);
            }

            frames.Add(new FlameFrame(id, depth, node.BaseTotal, node.HeadTotal, node.BaseSelf, node.HeadSelf));
            var children = node.Children;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1));
            }
        }

        return new FlameGraph(names, frames, cut, prunedFrames, prunedBase, prunedHead);
    }

    private static double Width(DiffNode node) => Math.Max(node.BaseTotal, node.HeadTotal);

    // The width of the k-th widest frame, so that keeping frames strictly wider keeps fewer than k.
    private static double WidthOfFrame(DiffNode root, int k)
    {
        var widths = new List<double>();
        var stack = new Stack<DiffNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            widths.Add(Width(node));
            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        if (widths.Count < k)
        {
            return 0;
        }

        widths.Sort();
        widths.Reverse();
        return Math.BitIncrement(widths[k - 1]);
    }

    private static int Count(DiffNode node)
    {
        var count = 0;
        var stack = new Stack<DiffNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            count++;
            foreach (var child in n.Children)
            {
                stack.Push(child);
            }
        }

        return count;
    }
}
