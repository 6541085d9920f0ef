using System.Runtime.CompilerServices;

namespace Sample.Lib;

/// <summary>Sorts records by amount, then key.</summary>
public static class Sorter
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Record[] Sort(Record[] records)
    {
        var copy = (Record[])records.Clone();
        Array.Sort(copy, static (a, b) => a.Amount != b.Amount ? a.Amount.CompareTo(b.Amount) : a.Key.CompareTo(b.Key));
        return copy;
    }
}
