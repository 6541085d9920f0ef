using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Analysis;

/// <summary>Per-function self and total for one sample type of a profile.</summary>
public sealed class FunctionSummary
{
    private FunctionSummary(SampleType sampleType, double total, IReadOnlyList<FunctionStat> functions)
    {
        SampleType = sampleType;
        Total = total;
        Functions = functions;
    }

    /// <summary>The column summarised.</summary>
    public SampleType SampleType { get; }

    /// <summary>The profile's total in that column.</summary>
    public double Total { get; }

    /// <summary>Every function, in ordinal name order.</summary>
    public IReadOnlyList<FunctionStat> Functions { get; }

    /// <summary>
    /// Computes the summary. <paramref name="nameOf"/> maps a frame to its function key
    /// (default: the frame name), so normalized names can be merged.
    /// </summary>
    public static FunctionSummary Compute(Profile profile, int sampleType, Func<Frame, string>? nameOf = null)
    {
        nameOf ??= static f => f.Name;
        var keys = new int[profile.Frames.Length];
        var names = new List<string>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            var name = nameOf(profile.Frames[i]);
            if (!byName.TryGetValue(name, out var key))
            {
                key = names.Count;
                names.Add(name);
                byName.Add(name, key);
            }

            keys[i] = key;
        }

        var self = new double[names.Count];
        var total = new double[names.Count];
        var seen = new int[names.Count];
        var stamp = 0;
        foreach (var sample in profile.Samples)
        {
            var value = sample.Values[sampleType];
            if (value == 0 || sample.Stack.Length == 0)
            {
                continue;
            }

            stamp++;
            foreach (var frame in sample.Stack)
            {
                var key = keys[frame];
                if (seen[key] != stamp)
                {
                    seen[key] = stamp;
                    total[key] += value;
                }
            }

            self[keys[sample.Leaf]] += value;
        }

        var functions = new List<FunctionStat>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (total[i] != 0 || self[i] != 0)
            {
                functions.Add(new FunctionStat(names[i], self[i], total[i]));
            }
        }

        functions.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new FunctionSummary(profile.SampleTypes[sampleType], profile.Total(sampleType), functions);
    }

    /// <summary>The top <paramref name="count"/> functions by self or total, ties broken by name.</summary>
    public IReadOnlyList<FunctionStat> Top(int count, bool byTotal)
    {
        var sorted = Functions.ToList();
        sorted.Sort((a, b) =>
        {
            var c = byTotal ? b.Total.CompareTo(a.Total) : b.Self.CompareTo(a.Self);
            if (c == 0)
            {
                c = byTotal ? b.Self.CompareTo(a.Self) : b.Total.CompareTo(a.Total);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        return count > 0 && count < sorted.Count ? sorted.GetRange(0, count) : sorted;
    }
}
