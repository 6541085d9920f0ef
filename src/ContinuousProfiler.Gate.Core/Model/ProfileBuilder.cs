using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// Builds a <see cref="Profile"/>: interns frames, merges identical stacks and validates
/// everything once in <see cref="Build"/>. Not thread-safe.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly ImmutableArray<SampleType> _sampleTypes;
    private readonly List<Frame> _frames = [];
    private readonly Dictionary<Frame, int> _frameIndex = [];
    private readonly Dictionary<int[], int> _stackIndex = new(StackComparer.Instance);
    private readonly List<int[]> _stacks = [];
    private readonly List<double[]> _values = [];

    /// <summary>Starts a profile with the given value columns.</summary>
    public ProfileBuilder(IEnumerable<SampleType> sampleTypes, int defaultSampleType = 0)
    {
        _sampleTypes = [.. sampleTypes];
        DefaultSampleType = defaultSampleType;
    }

    /// <summary>Starts a profile with one value column.</summary>
    public ProfileBuilder(string type, string unit)
        : this([new SampleType(type, unit)])
    {
    }

    /// <summary>The value columns.</summary>
    public ImmutableArray<SampleType> SampleTypes => _sampleTypes;

    /// <summary>Index of the default column; may be changed before <see cref="Build"/>.</summary>
    public int DefaultSampleType { get; set; }

    /// <summary>Metadata given to the built profile.</summary>
    public ProfileMetadata Metadata { get; set; } = ProfileMetadata.Empty;

    /// <summary>How many distinct stacks have been added.</summary>
    public int StackCount => _stacks.Count;

    /// <summary>Returns the index of a frame, adding it when new.</summary>
    public int InternFrame(Frame frame)
    {
        if (!_frameIndex.TryGetValue(frame, out var index))
        {
            index = _frames.Count;
            _frames.Add(frame);
            _frameIndex.Add(frame, index);
        }

        return index;
    }

    /// <summary>Interns a frame by name only.</summary>
    public int InternFrame(string name, string? module = null) => InternFrame(new Frame(name, module));

    /// <summary>
    /// Adds weight to a stack of frame indices (root first). Identical stacks are merged by adding values.
    /// </summary>
    public void AddSample(ReadOnlySpan<int> stackRootToLeaf, ReadOnlySpan<double> values)
    {
        if (values.Length != _sampleTypes.Length)
        {
            throw new InputException($"{Metadata.Source ?? "profile"}: a sample has {values.Length} values but the profile has {_sampleTypes.Length} sample types");
        }

        var key = stackRootToLeaf.ToArray();
        if (_stackIndex.TryGetValue(key, out var existing))
        {
            var target = _values[existing];
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += values[i];
            }

            return;
        }

        _stackIndex.Add(key, _stacks.Count);
        _stacks.Add(key);
        _values.Add(values.ToArray());
    }

    /// <summary>Adds weight to a stack of frames (root first).</summary>
    public void AddSample(IEnumerable<Frame> stackRootToLeaf, params double[] values)
    {
        var ids = stackRootToLeaf.Select(InternFrame).ToArray();
        AddSample(ids, values);
    }

    /// <summary>Validates and freezes the profile.</summary>
    /// <exception cref="InputException">The data is inconsistent; the message names the problem.</exception>
    public Profile Build()
    {
        var source = Metadata.Source ?? "profile";
        if (_sampleTypes.IsDefaultOrEmpty)
        {
            throw new InputException($"{source}: the profile has no sample types");
        }

        foreach (var type in _sampleTypes)
        {
            if (string.IsNullOrEmpty(type.Type))
            {
                throw new InputException($"{source}: a sample type has an empty name");
            }
        }

        if (DefaultSampleType < 0 || DefaultSampleType >= _sampleTypes.Length)
        {
            throw new InputException($"{source}: default sample type index {DefaultSampleType} is outside the {_sampleTypes.Length} sample types");
        }

        var samples = ImmutableArray.CreateBuilder<Sample>(_stacks.Count);
        for (var s = 0; s < _stacks.Count; s++)
        {
            var stack = _stacks[s];
            foreach (var index in stack)
            {
                if ((uint)index >= (uint)_frames.Count)
                {
                    throw new InputException($"{source}: a sample refers to frame {index} but there are {_frames.Count} frames");
                }
            }

            var values = _values[s];
            foreach (var value in values)
            {
                if (!double.IsFinite(value))
                {
                    throw new InputException($"{source}: a sample has a value that is not a finite number");
                }
            }

            samples.Add(new Sample(ImmutableCollectionsMarshal.AsImmutableArray(stack), ImmutableCollectionsMarshal.AsImmutableArray(values)));
        }

        foreach (var frame in _frames)
        {
            if (string.IsNullOrEmpty(frame.Name))
            {
                throw new InputException($"{source}: a frame has an empty function name");
            }
        }

        return new Profile(_sampleTypes, DefaultSampleType, [.. _frames], samples.MoveToImmutable(), Metadata);
    }

    private sealed class StackComparer : IEqualityComparer<int[]>
    {
        public static readonly StackComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
