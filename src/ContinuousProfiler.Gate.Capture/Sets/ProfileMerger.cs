using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>
/// Adds profiles together (several processes of one run): the union of their sample types, in order
/// of first appearance, with missing columns as 0. The first profile's default type and sampling
/// period stay (the period tells readers how many samples a value stands for).
/// </summary>
public static class ProfileMerger
{
    public static Profile Merge(IReadOnlyList<Profile> profiles, ProfileMetadata metadata)
    {
        var types = new List<SampleType>();
        foreach (var type in profiles.SelectMany(p => p.SampleTypes))
        {
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        if (types.Count == 0)
        {
            types.Add(new SampleType("samples", "count"));
        }

        var defaultType = profiles.Count == 0 ? 0 : types.IndexOf(profiles[0].SampleTypes[profiles[0].DefaultSampleType]);
        if (profiles.Count > 0 && metadata.Period == 0 && profiles[0].Metadata.Period > 0)
        {
            metadata = metadata with { Period = profiles[0].Metadata.Period, PeriodType = profiles[0].Metadata.PeriodType };
        }

        var builder = new ProfileBuilder(types, defaultType) { Metadata = metadata };
        foreach (var profile in profiles)
        {
            var columns = profile.SampleTypes.Select(types.IndexOf).ToArray();
            var frames = profile.Frames.Select(builder.InternFrame).ToArray();
            var values = new double[types.Count];
            foreach (var sample in profile.Samples)
            {
                Array.Clear(values);
                for (var i = 0; i < columns.Length; i++)
                {
                    values[columns[i]] = sample.Values[i];
                }

                builder.AddSample(sample.Stack.Select(f => frames[f]).ToArray(), values);
            }
        }

        return builder.Build();
    }
}
