namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// The storage behind <see cref="DiffNode"/>s: one row per node in flat arrays (parent, name, first
/// child, next sibling and the four shares). A callee is found by walking the sibling chain while a
/// node has few callees, and through a (node, name id) map once it has many. A deep profile has about
/// a million nodes; arrays keep that to tens of megabytes and no per-node objects until a node is visited.
/// </summary>
internal sealed class DiffTree
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private const int ScanLimit = 8;

    private readonly Dictionary<long, int> _edges = [];
    private DiffNode?[] _nodes = new DiffNode?[16];

    public DiffTree(string rootName, int capacity = 16)
    {
        Parent = new(capacity);
        NameId = new(capacity);
        FirstChild = new(capacity);
        NextSibling = new(capacity);
        ChildCount = new(capacity);
        BaseSelf = new(capacity);
        BaseTotal = new(capacity);
        HeadSelf = new(capacity);
        HeadTotal = new(capacity);
        Append(-1, NameIdOf(rootName));
    }

    public List<int> Parent { get; }

    public List<int> NameId { get; }

    public List<int> FirstChild { get; }

    public List<int> NextSibling { get; }

    public List<int> ChildCount { get; }

    public List<double> BaseSelf { get; }

    public List<double> BaseTotal { get; }

    public List<double> HeadSelf { get; }

    public List<double> HeadTotal { get; }

    public int Count => Parent.Count;

    public string Name(int node) => _names[NameId[node]];

    public int NameIdOf(string name)
    {
        if (!_nameIds.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _nameIds.Add(name, id);
            _names.Add(name);
        }

        return id;
    }

    /// <summary>The child of <paramref name="node"/> with name id <paramref name="nameId"/>, or -1.</summary>
    public int Find(int node, int nameId)
    {
        if (ChildCount[node] > ScanLimit)
        {
            return _edges.TryGetValue(Key(node, nameId), out var mapped) ? mapped : -1;
        }

        for (var child = FirstChild[node]; child >= 0; child = NextSibling[child])
        {
            if (NameId[child] == nameId)
            {
                return child;
            }
        }

        return -1;
    }

    /// <summary>The child of <paramref name="node"/> with name id <paramref name="nameId"/>, added when missing.</summary>
    public int FindOrAdd(int node, int nameId)
    {
        var child = Find(node, nameId);
        if (child >= 0)
        {
            return child;
        }

        child = Append(node, nameId);
        NextSibling[child] = FirstChild[node];
        FirstChild[node] = child;
        var count = ++ChildCount[node];
        if (count == ScanLimit + 1)
        {
            for (var sibling = FirstChild[node]; sibling >= 0; sibling = NextSibling[sibling])
            {
                _edges.Add(Key(node, NameId[sibling]), sibling);
            }
        }
        else if (count > ScanLimit + 1)
        {
            _edges.Add(Key(node, nameId), child);
        }

        return child;
    }

    public void Accumulate(int node, double share, bool head, bool self)
    {
        if (head)
        {
            HeadTotal[node] += share;
            if (self)
            {
                HeadSelf[node] += share;
            }
        }
        else
        {
            BaseTotal[node] += share;
            if (self)
            {
                BaseSelf[node] += share;
            }
        }
    }

    /// <summary>The node object for a row, created on first visit.</summary>
    public DiffNode Node(int node)
    {
        if (node >= _nodes.Length)
        {
            Array.Resize(ref _nodes, Math.Max(node + 1, _nodes.Length * 2));
        }

        return _nodes[node] ??= new DiffNode(this, node);
    }

    /// <summary>Remembers the object created for a row by <see cref="DiffNode"/>'s public constructor.</summary>
    public void Remember(int node, DiffNode value)
    {
        if (node >= _nodes.Length)
        {
            Array.Resize(ref _nodes, Math.Max(node + 1, _nodes.Length * 2));
        }

        _nodes[node] = value;
    }

    private static long Key(int node, int nameId) => ((long)node << 32) | (uint)nameId;

    private int Append(int parent, int nameId)
    {
        Parent.Add(parent);
        NameId.Add(nameId);
        FirstChild.Add(-1);
        NextSibling.Add(-1);
        ChildCount.Add(0);
        BaseSelf.Add(0);
        BaseTotal.Add(0);
        HeadSelf.Add(0);
        HeadTotal.Add(0);
        return Parent.Count - 1;
    }
}
