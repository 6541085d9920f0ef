using ContinuousProfiler.Gate.Core.Comparison;

namespace ContinuousProfiler.Gate.Reports.Flame;

/// <summary>
/// Flattens a <see cref="DiffNode"/> tree into a <see cref="FlameGraph"/>, keeping frames at least
/// <c>minShare</c> wide on either side and at most <c>maxFrames</c> of them (then the widest). A callee is
/// never wider than its caller, so the kept frames form a connected tree from the root, and the walk never
/// enters a pruned subtree: its cost follows the frames kept, not the size of the tree.
/// </summary>
public static class FlameGraphBuilder
{
    /// <summary>0.1 px of a 1,200 px graph: FlameGraph's default minimum width.</summary>
    public const double DefaultMinShare = 0.1 / 1200;

    /// <summary>Builds the graph of <paramref name="root"/>.</summary>
    public static FlameGraph Build(DiffNode root, double minShare = DefaultMinShare, int maxFrames = 60_000)
    {
        var cut = Cut(root, minShare, maxFrames);
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new List<FlameFrame>();
        int prunedPaths = 0;
        double prunedBase = 0, prunedHead = 0;

        var stack = new Stack<(DiffNode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
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
                var child = children[i];
                if (Width(child) >= cut)
                {
                    stack.Push((child, depth + 1));
                }
                else
                {
                    prunedPaths++;
                    prunedBase += child.BaseTotal;
                    prunedHead += child.HeadTotal;
                }
            }
        }

        return new FlameGraph(names, frames, cut, prunedPaths, prunedBase, prunedHead);
    }

    private static double Width(DiffNode node) => Math.Max(node.BaseTotal, node.HeadTotal);

    // minShare, raised just above the (maxFrames)-th widest frame's width when more frames would pass.
    private static double Cut(DiffNode root, double minShare, int maxFrames)
    {
        var widths = new List<double>();
        var stack = new Stack<DiffNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.Children)
            {
                if (Width(child) >= minShare)
                {
                    widths.Add(Width(child));
                    stack.Push(child);
                }
            }
        }

        if (widths.Count < maxFrames)
        {
            return minShare;
        }

        widths.Sort();
        return Math.Max(minShare, Math.BitIncrement(widths[^maxFrames]));
    }
}
