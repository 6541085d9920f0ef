using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Maps pprof ids (Mapping, Location, Function) to positions in their lists. Ids are usually
/// dense (1..n), so a plain array is used when they are; sparse ids fall back to a dictionary.
/// </summary>
internal sealed class PprofIdIndex
{
    private readonly int[]? _dense;
    private readonly Dictionary<ulong, int>? _sparse;

    private PprofIdIndex(int[]? dense, Dictionary<ulong, int>? sparse)
    {
        _dense = dense;
        _sparse = sparse;
    }

    /// <summary>
    /// Builds the index of <paramref name="count"/> entries of the kind <paramref name="what"/>
    /// (e.g. "function"), rejecting the reserved id 0 and duplicate ids as google/pprof does.
    /// </summary>
    public static PprofIdIndex Build(int count, Func<int, ulong> idAt, string what, string source)
    {
        ulong max = 0;
        for (var i = 0; i < count; i++)
        {
            var id = idAt(i);
            if (id == 0)
            {
                throw new InputException($"{source}: {what} #{i} has the reserved id 0; expected nonzero {what} ids (go tool pprof rejects this file too; fix the writer)");
            }

            max = Math.Max(max, id);
        }

        var index = Build(count, idAt, max, out var duplicate);
        if (duplicate >= 0)
        {
            throw new InputException($"{source}: two {what}s share the id {idAt(duplicate)}; expected unique {what} ids (the file is corrupt)");
        }

        return index;
    }

    private static PprofIdIndex Build(int count, Func<int, ulong> idAt, ulong max, out int duplicate)
    {
        duplicate = -1;

        if (max <= (ulong)count * 4 + 16)
        {
            var dense = new int[(int)max + 1];
            dense.AsSpan().Fill(-1);
            for (var i = 0; i < count; i++)
            {
                ref var slot = ref dense[(int)idAt(i)];
                if (slot >= 0 && duplicate < 0)
                {
                    duplicate = i;
                }

                slot = i;
            }

            return new PprofIdIndex(dense, null);
        }

        var sparse = new Dictionary<ulong, int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!sparse.TryAdd(idAt(i), i) && duplicate < 0)
            {
                duplicate = i;
            }
        }

        return new PprofIdIndex(null, sparse);
    }

    /// <summary>The position of <paramref name="id"/>, or -1 when no entry has it.</summary>
    public int Find(ulong id)
    {
        if (_dense is not null)
        {
            return id < (ulong)_dense.Length ? _dense[id] : -1;
        }

        return _sparse!.TryGetValue(id, out var index) ? index : -1;
    }
}
