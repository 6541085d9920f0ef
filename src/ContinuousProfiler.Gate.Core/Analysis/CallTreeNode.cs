namespace ContinuousProfiler.Gate.Core.Analysis;

/// <summary>
/// A node of a <see cref="CallTree"/>: one function at one call path, with the weight of stacks
/// ending here (<see cref="Self"/>) and passing through here (<see cref="Total"/>).
/// </summary>
public sealed class CallTreeNode
{
    private readonly Dictionary<string, CallTreeNode> _children = new(StringComparer.Ordinal);
    private List<CallTreeNode>? _sorted;

    internal CallTreeNode(string name, CallTreeNode? parent)
    {
        Name = name;
        Parent = parent;
    }

    /// <summary>The function name; the root is named <c>root</c>.</summary>
    public string Name { get; }

    /// <summary>The caller, or null for the root.</summary>
    public CallTreeNode? Parent { get; }

    /// <summary>Weight of stacks that end at this node.</summary>
    public double Self { get; internal set; }

    /// <summary>Weight of stacks that pass through this node (self included).</summary>
    public double Total { get; internal set; }

    /// <summary>Callees in ordinal name order.</summary>
    public IReadOnlyList<CallTreeNode> Children =>
        _sorted ??= [.. _children.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Finds a direct callee by name.</summary>
    public CallTreeNode? Child(string name) => _children.GetValueOrDefault(name);

    internal CallTreeNode GetOrAdd(string name)
    {
        if (!_children.TryGetValue(name, out var child))
        {
            child = new CallTreeNode(name, this);
            _children.Add(name, child);
            _sorted = null;
        }

        return child;
    }

    /// <summary>The path from the root's first child down to this node.</summary>
    public IReadOnlyList<string> Path()
    {
        var path = new List<string>();
        for (var node = this; node?.Parent is not null; node = node.Parent)
        {
            path.Add(node.Name);
        }

        path.Reverse();
        return path;
    }
}
