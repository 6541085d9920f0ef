using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// One run's column of one sample type, with its effective-sample scale: how many sampling
/// events one unit of value stands for. The scale comes, in order, from a sampling-event counter next
/// to the compared column (<see cref="CounterOf"/>: <c>alloc_samples/count</c> for the <c>alloc_*</c>
/// columns, <c>samples/count</c> for the rest, as pprof CPU profiles have); from the sampling period in
/// the column's unit (Go heap profiles: one event per 512 KiB); for a count column, from a sibling
/// column in the period's unit (Go's upscaled <c>alloc_objects</c> rests on as many events as its
/// <c>alloc_space</c>); from a plain count unit (exact counts); otherwise it is unknown and the noise
/// model estimates the dispersion instead.
/// </summary>
internal sealed record RunColumn(Profile Profile, int Index, double Total, double Scale, bool ScaleKnown)
{
    public static RunColumn Create(Profile profile, SampleType type)
    {
        var index = IndexOf(profile, type);
        var total = profile.Total(index);
        if (IsSampleCount(type))
        {
            return new RunColumn(profile, index, total, 1, true);
        }

        var counter = CounterOf(profile, type);
        if (counter >= 0 && total > 0 && profile.Total(counter) > 0)
        {
            return new RunColumn(profile, index, total, profile.Total(counter) / total, true);
        }

        var meta = profile.Metadata;
        if (meta.Period > 0 && meta.PeriodType is { } period)
        {
            if (period.Unit == type.Unit)
            {
                return new RunColumn(profile, index, total, 1.0 / meta.Period, true);
            }

            var sibling = SiblingIn(profile, type, period.Unit);
            if (IsCount(type) && sibling >= 0 && total > 0 && profile.Total(sibling) > 0)
            {
                return new RunColumn(profile, index, total, profile.Total(sibling) / meta.Period / total, true);
            }
        }

        return IsCount(type) ? new RunColumn(profile, index, total, 1, true) : new RunColumn(profile, index, total, 1, false);
    }

    /// <summary>True for a column that counts sampling events (<c>samples/count</c>, <c>alloc_samples/count</c>).</summary>
    public static bool IsSampleCount(SampleType type) =>
        type.Unit.Equals("count", StringComparison.OrdinalIgnoreCase)
        && (type.Type.Equals("samples", StringComparison.OrdinalIgnoreCase) || type.Type.EndsWith("_samples", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The column counting the sampling events behind <paramref name="type"/> (-1 when none): the one
    /// named after its prefix (<c>alloc_samples</c> for <c>alloc_space</c>), else <c>samples/count</c>.
    /// </summary>
    public static int CounterOf(Profile profile, SampleType type)
    {
        var prefix = Prefix(type);
        var general = -1;
        for (var i = 0; i < profile.SampleTypes.Length; i++)
        {
            var candidate = profile.SampleTypes[i];
            if (candidate == type || !IsSampleCount(candidate))
            {
                continue;
            }

            if (prefix is not null && candidate.Type.Equals(prefix + "_samples", StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            if (candidate.Type.Equals("samples", StringComparison.OrdinalIgnoreCase))
            {
                general = i;
            }
        }

        return general;
    }

    /// <summary>True when <paramref name="type"/> counts the events behind other columns of the profile, so it is compared only when asked for.</summary>
    public static bool IsCounterFor(SampleType type, IReadOnlyCollection<SampleType> others)
    {
        if (!IsSampleCount(type))
        {
            return false;
        }

        if (type.Type.Equals("samples", StringComparison.OrdinalIgnoreCase))
        {
            return others.Any(IsTime);
        }

        var prefix = type.Type[..^"_samples".Length];
        return others.Any(o => o != type && Prefix(o) == prefix);
    }

    /// <summary>True for a time unit (nanoseconds … seconds).</summary>
    public static bool IsTime(SampleType type) =>
        type.Unit.ToLowerInvariant() is "nanoseconds" or "microseconds" or "milliseconds" or "seconds" or "ns" or "us" or "ms" or "s";

    public static int IndexOf(Profile profile, SampleType type)
    {
        for (var i = 0; i < profile.SampleTypes.Length; i++)
        {
            if (profile.SampleTypes[i] == type)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCount(SampleType type) => type.Unit.Equals("count", StringComparison.OrdinalIgnoreCase);

    private static int SiblingIn(Profile profile, SampleType type, string unit)
    {
        var prefix = Prefix(type);
        for (var i = 0; prefix is not null && i < profile.SampleTypes.Length; i++)
        {
            var candidate = profile.SampleTypes[i];
            if (candidate != type && candidate.Unit == unit && Prefix(candidate) == prefix && !IsSampleCount(candidate))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Prefix(SampleType type)
    {
        var cut = type.Type.IndexOf('_', StringComparison.Ordinal);
        return cut > 0 ? type.Type[..cut] : null;
    }
}
