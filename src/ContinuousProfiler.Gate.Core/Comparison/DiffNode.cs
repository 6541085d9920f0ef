namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// A node of the union call tree: one function at one call path with both sides' mean shares
/// (fractions of each side's normalization base). Nodes present on one side only have zeros on the other.
/// </summary>
public sealed class DiffNode
{
    // Allocated on the first callee: most nodes of a large tree are leaves.
    private Dictionary<string, DiffNode>? _children;
    private List<DiffNode>? _sorted;

    /// <summary>Creates a node; <see cref="Add"/> builds the tree.</summary>
    public DiffNode(string name, DiffNode? parent)
    {
        Name = name;
        Parent = parent;
    }

    /// <summary>The function name; the root is named <c>root</c>.</summary>
    public string Name { get; }

    /// <summary>The caller, null for the root.</summary>
    public DiffNode? Parent { get; }

    /// <summary>Base mean self share.</summary>
    public double BaseSelf { get; private set; }

    /// <summary>Base mean total share.</summary>
    public double BaseTotal { get; private set; }

    /// <summary>Head mean self share.</summary>
    public double HeadSelf { get; private set; }

    /// <summary>Head mean total share.</summary>
    public double HeadTotal { get; private set; }

    /// <summary>Callees in ordinal name order.</summary>
    public IReadOnlyList<DiffNode> Children => _sorted ??= _children is null ? [] : [.. _children.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Finds a callee by name.</summary>
    public DiffNode? Child(string name) => _children?.GetValueOrDefault(name);

    /// <summary>Adds weight along a path (root first) below this node; <paramref name="head"/> picks the side.</summary>
    public void Add(IReadOnlyList<string> path, double share, bool head)
    {
        var node = this;
        node.Accumulate(share, head, self: path.Count == 0);
        for (var i = 0; i < path.Count; i++)
        {
            node._children ??= new Dictionary<string, DiffNode>(StringComparer.Ordinal);
            if (!node._children.TryGetValue(path[i], out var child))
            {
                child = new DiffNode(path[i], node);
                node._children.Add(path[i], child);
                node._sorted = null;
            }

            node = child;
            node.Accumulate(share, head, self: i == path.Count - 1);
        }
    }

    /// <summary>The names from the root's child down to this node.</summary>
    public IReadOnlyList<string> Path()
    {
        var path = new List<string>();
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            path.Add(node.Name);
        }

        path.Reverse();
        return path;
    }

    private void Accumulate(double share, bool head, bool self)
    {
        if (head)
        {
            HeadTotal += share;
            if (self)
            {
                HeadSelf += share;
            }
        }
        else
        {
            BaseTotal += share;
            if (self)
            {
                BaseSelf += share;
            }
        }
    }
}
