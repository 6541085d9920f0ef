using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>How much of a profile's CPU stayed unnamed: the share of samples whose leaf frame is <c>[unresolved]</c>.</summary>
public static class UnresolvedShare
{
    /// <summary>Unresolved-leaf value and total of the default sample type.</summary>
    public static (double Unresolved, double Total) Count(Profile profile)
    {
        var column = profile.DefaultSampleType;
        double unresolved = 0;
        foreach (var sample in profile.Samples)
        {
            if (sample.Leaf >= 0 && profile.Frames[sample.Leaf].Name == Frame.UnresolvedName)
            {
                unresolved += sample.Values[column];
            }
        }

        return (unresolved, profile.Total(column));
    }

    /// <summary>The share (0–1), 0 for an empty profile.</summary>
    public static double Of(Profile profile)
    {
        var (unresolved, total) = Count(profile);
        return total > 0 ? unresolved / total : 0;
    }
}
