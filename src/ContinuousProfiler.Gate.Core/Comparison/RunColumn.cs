using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>
/// One run's column of one sample type, with its effective-sample scale: how many sampling
/// events one unit of value stands for. The scale comes from a <c>samples/count</c> column next to
/// the compared one (as pprof CPU profiles have), from a count unit, or from the sampling period;
/// otherwise it is unknown and the noise model estimates the dispersion instead.
/// </summary>
internal sealed record RunColumn(Profile Profile, int Index, double Total, double Scale, bool ScaleKnown)
{
    public static RunColumn Create(Profile profile, SampleType type)
    {
        var index = IndexOf(profile, type);
        var total = profile.Total(index);
        var samples = -1;
        for (var i = 0; i < profile.SampleTypes.Length; i++)
        {
            if (i != index && IsSampleCount(profile.SampleTypes[i]))
            {
                samples = i;
            }
        }

        if (IsSampleCount(type) || type.Unit.Equals("count", StringComparison.OrdinalIgnoreCase))
        {
            return new RunColumn(profile, index, total, 1, true);
        }

        if (samples >= 0 && total > 0 && profile.Total(samples) > 0)
        {
            return new RunColumn(profile, index, total, profile.Total(samples) / total, true);
        }

        var meta = profile.Metadata;
        if (meta.Period > 0 && meta.PeriodType is { } period && period.Unit == type.Unit)
        {
            return new RunColumn(profile, index, total, 1.0 / meta.Period, true);
        }

        return new RunColumn(profile, index, total, 1, false);
    }

    public static bool IsSampleCount(SampleType type) =>
        type.Type.Equals("samples", StringComparison.OrdinalIgnoreCase) && type.Unit.Equals("count", StringComparison.OrdinalIgnoreCase);

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
}
