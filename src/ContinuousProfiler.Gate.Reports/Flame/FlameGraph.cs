namespace ContinuousProfiler.Gate.Reports.Flame;

/// <summary>One frame of a differential flame graph: a call-tree node with both sides' mean shares (fractions).</summary>
/// <param name="Name">Index into <see cref="FlameGraph.Names"/>.</param>
/// <param name="Depth">0 for the root (<c>all</c>).</param>
/// <param name="BaseTotal">Base mean total share.</param>
/// <param name="HeadTotal">Head mean total share.</param>
/// <param name="BaseSelf">Base mean self share.</param>
/// <param name="HeadSelf">Head mean self share.</param>
public readonly record struct FlameFrame(int Name, int Depth, double BaseTotal, double HeadTotal, double BaseSelf, double HeadSelf);

/// <summary>
/// The union call tree flattened in pre-order (a frame's callees follow it, deeper by one), with frames
/// too narrow to see removed; the removed subtrees are counted so reports can say so.
/// </summary>
/// <param name="Names">Function names, interned.</param>
/// <param name="Frames">Kept frames in pre-order; children in ordinal name order.</param>
/// <param name="MinShare">Frames whose wider side is below this share (fraction) were removed.</param>
/// <param name="PrunedPaths">How many call paths (subtrees, each counted once at its top frame) were removed.</param>
/// <param name="PrunedBaseShare">Base share held by the removed subtrees.</param>
/// <param name="PrunedHeadShare">Head share held by the removed subtrees.</param>
public sealed record FlameGraph(IReadOnlyList<string> Names, IReadOnlyList<FlameFrame> Frames, double MinShare, int PrunedPaths, double PrunedBaseShare, double PrunedHeadShare)
{
    /// <summary>The deepest kept frame's depth.</summary>
    public int MaxDepth { get; } = Frames.Count == 0 ? 0 : Frames.Max(f => f.Depth);
}
