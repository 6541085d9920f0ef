namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// A node of the union call tree: one function at one call path with both sides' mean shares
/// (the same normalization as the function table). Nodes present on one side only have zeros on the other.
/// </summary>
public sealed class DiffNode
{
    private readonly DiffTree _tree;
    private readonly int _index;
    private List<DiffNode>? _sorted;

    /// <summary>Creates a root (when <paramref name="parent"/> is null) or a new callee of <paramref name="parent"/>; <see cref="Add"/> builds the tree.</summary>
    public DiffNode(string name, DiffNode? parent)
    {
        if (parent is null)
        {
            _tree = new DiffTree(name);
            _index = 0;
        }
        else
        {
            _tree = parent._tree;
            _index = _tree.FindOrAdd(parent._index, _tree.NameIdOf(name));
            parent._sorted = null;
        }

        _tree.Remember(_index, this);
    }

    internal DiffNode(DiffTree tree, int index)
    {
        _tree = tree;
        _index = index;
    }

    /// <summary>The function name; the root is named <c>root</c>.</summary>
    public string Name => _tree.Name(_index);

    /// <summary>The caller, null for the root.</summary>
    public DiffNode? Parent => _tree.Parent[_index] is var parent and >= 0 ? _tree.Node(parent) : null;

    /// <summary>Base mean self share.</summary>
    public double BaseSelf => _tree.BaseSelf[_index];

    /// <summary>Base mean total share.</summary>
    public double BaseTotal => _tree.BaseTotal[_index];

    /// <summary>Head mean self share.</summary>
    public double HeadSelf => _tree.HeadSelf[_index];

    /// <summary>Head mean total share.</summary>
    public double HeadTotal => _tree.HeadTotal[_index];

    /// <summary>Callees in ordinal name order.</summary>
    public IReadOnlyList<DiffNode> Children
    {
        get
        {
            if (_sorted is null || _sorted.Count != _tree.ChildCount[_index])
            {
                var children = new List<DiffNode>(_tree.ChildCount[_index]);
                for (var child = _tree.FirstChild[_index]; child >= 0; child = _tree.NextSibling[child])
                {
                    children.Add(_tree.Node(child));
                }

                children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                _sorted = children;
            }

            return _sorted;
        }
    }

    /// <summary>Finds a callee by name.</summary>
    public DiffNode? Child(string name)
    {
        var child = _tree.Find(_index, _tree.NameIdOf(name));
        return child >= 0 ? _tree.Node(child) : null;
    }

    /// <summary>Adds weight along a path (root first) below this node; <paramref name="head"/> picks the side.</summary>
    public void Add(IReadOnlyList<string> path, double share, bool head)
    {
        var node = _index;
        _tree.Accumulate(node, share, head, self: path.Count == 0);
        for (var i = 0; i < path.Count; i++)
        {
            node = _tree.FindOrAdd(node, _tree.NameIdOf(path[i]));
            _tree.Accumulate(node, share, head, self: i == path.Count - 1);
        }

        _sorted = null;
    }

    /// <summary>The names from the root's child down to this node.</summary>
    public IReadOnlyList<string> Path()
    {
        var path = new List<string>();
        for (var node = _index; _tree.Parent[node] >= 0; node = _tree.Parent[node])
        {
            path.Add(_tree.Name(node));
        }

        path.Reverse();
        return path;
    }
}
