using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// The pivot model every importer produces and every analysis reads: sample types with units,
/// an interned frame table, weighted stacks (root → leaf) and metadata.
/// Immutable; validated once when built (see <see cref="ProfileBuilder"/>).
/// </summary>
public sealed class Profile
{
    private readonly double[] _totals;

    internal Profile(
        ImmutableArray<SampleType> sampleTypes,
        int defaultSampleType,
        ImmutableArray<Frame> frames,
        ImmutableArray<Sample> samples,
        ProfileMetadata metadata)
    {
        SampleTypes = sampleTypes;
        DefaultSampleType = defaultSampleType;
        Frames = frames;
        Samples = samples;
        Metadata = metadata;
        _totals = new double[sampleTypes.Length];
        foreach (var sample in samples)
        {
            for (var i = 0; i < _totals.Length; i++)
            {
                _totals[i] += sample.Values[i];
            }
        }
    }

    /// <summary>The value columns, at least one; each sample has one value per entry.</summary>
    public ImmutableArray<SampleType> SampleTypes { get; }

    /// <summary>Index into <see cref="SampleTypes"/> of the column shown when none is asked for.</summary>
    public int DefaultSampleType { get; }

    /// <summary>The interned frames; samples refer to them by index.</summary>
    public ImmutableArray<Frame> Frames { get; }

    /// <summary>The weighted stacks. Identical stacks are merged by the builder.</summary>
    public ImmutableArray<Sample> Samples { get; }

    /// <summary>Where the profile came from.</summary>
    public ProfileMetadata Metadata { get; }

    /// <summary>The sum of one column over all samples.</summary>
    public double Total(int sampleType) => _totals[sampleType];

    /// <summary>
    /// Finds a sample type by its type name (case-insensitive), by <c>type/unit</c>, or by index.
    /// Returns -1 when nothing matches.
    /// </summary>
    public int FindSampleType(string nameOrIndex)
    {
        for (var i = 0; i < SampleTypes.Length; i++)
        {
            if (string.Equals(SampleTypes[i].Type, nameOrIndex, StringComparison.OrdinalIgnoreCase)
                || string.Equals(SampleTypes[i].ToString(), nameOrIndex, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < SampleTypes.Length ? index : -1;
    }

    /// <summary>Resolves a user's <c>--sample-type</c> (or the default when null) or throws an <see cref="InputException"/>.</summary>
    public int ResolveSampleType(string? requested)
    {
        if (requested is null)
        {
            return DefaultSampleType;
        }

        var index = FindSampleType(requested);
        if (index < 0)
        {
            var known = string.Join(", ", SampleTypes.Select(t => t.ToString()));
            throw new InputException($"{Metadata.Source ?? "profile"}: no sample type '{requested}'; this profile has: {known}");
        }

        return index;
    }

    /// <summary>Returns a copy with other metadata (frames and samples are shared).</summary>
    public Profile WithMetadata(ProfileMetadata metadata) =>
        new(SampleTypes, DefaultSampleType, Frames, Samples, metadata);

    /// <summary>The frames of one sample, root first.</summary>
    public IEnumerable<Frame> StackOf(Sample sample)
    {
        foreach (var index in sample.Stack)
        {
            yield return Frames[index];
        }
    }
}
