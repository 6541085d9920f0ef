using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using Google.Protobuf.Collections;
using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Adds pprof samples to a <see cref="ProfileBuilder"/>: resolves location ids, applies
/// <c>drop_frames</c> (scanning from the root, never pruning before the first kept frame, as
/// google/pprof does), expands inlined frames and reverses the stack to root first.
/// Labels are checked but not kept, so samples that differ only by labels are summed.
/// </summary>
internal sealed class PprofSampleReader
{
    private readonly PprofLocationTable _locations;
    private readonly ProfileBuilder _builder;
    private readonly int _columns;
    private readonly string _source;
    private int[] _positions = new int[64];
    private int[] _stack = new int[256];

    public PprofSampleReader(PprofLocationTable locations, ProfileBuilder builder, int columns, string source)
    {
        _locations = locations;
        _builder = builder;
        _columns = columns;
        _source = source;
    }

    public void AddAll(RepeatedField<Proto.Sample> samples, PprofStringTable strings)
    {
        var values = new double[_columns];
        for (var s = 0; s < samples.Count; s++)
        {
            var sample = samples[s];
            if (sample.Value.Count != _columns)
            {
                throw new InputException($"{_source}: sample #{s} has {sample.Value.Count} values but the profile has {_columns} sample types; expected one value per sample type (the file is corrupt)");
            }

            for (var i = 0; i < _columns; i++)
            {
                values[i] = sample.Value[i];
            }

            for (var i = 0; i < sample.Label.Count; i++)
            {
                var label = sample.Label[i];
                strings.Check(label.Key, $"sample #{s} label key");
                strings.Check(label.Str, $"sample #{s} label value");
                strings.Check(label.NumUnit, $"sample #{s} label unit");
            }

            _builder.AddSample(StackOf(sample.LocationId, s), values);
        }
    }

    private ReadOnlySpan<int> StackOf(RepeatedField<ulong> ids, int sampleNumber)
    {
        if (_positions.Length < ids.Count)
        {
            _positions = new int[Math.Max(ids.Count, _positions.Length * 2)];
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var position = _locations.Find(ids[i]);
            if (position < 0)
            {
                throw new InputException($"{_source}: sample #{sampleNumber} refers to location id {ids[i]}, which the profile does not define; expected every location_id to name a Location (the file is corrupt)");
            }

            _positions[i] = position;
        }

        var leaf = _locations.HasPruning ? PrunedLeaf(ids.Count) : 0;
        var count = 0;
        for (var i = ids.Count - 1; i >= leaf; i--)
        {
            var frames = _locations.FramesAt(_positions[i]);
            if (_stack.Length < count + frames.Length)
            {
                Array.Resize(ref _stack, Math.Max(count + frames.Length, _stack.Length * 2));
            }

            // Lines are innermost first; walking them backwards keeps the stack root first.
            for (var f = frames.Length - 1; f >= 0; f--)
            {
                _stack[count++] = frames[f];
            }
        }

        return _stack.AsSpan(0, count);
    }

    /// <summary>The first location (from the leaf end) that survives drop_frames.</summary>
    private int PrunedLeaf(int length)
    {
        var foundKept = false;
        for (var i = length - 1; i >= 0; i--)
        {
            var prune = _locations.PruneAt(_positions[i]);
            if (prune == PprofLocationTable.Keep)
            {
                foundKept = true;
                continue;
            }

            if (!foundKept)
            {
                continue;
            }

            return prune == PprofLocationTable.PruneWhole ? i + 1 : i;
        }

        return 0;
    }
}
