using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Accuracy.Real;

/// <summary>The captured runs of each variant: every run of every ProfileSet under <c>POOL/variant/</c>.</summary>
public sealed record RunPool(IReadOnlyDictionary<string, IReadOnlyList<Profile>> Variants)
{
    public static RunPool Load(string directory)
    {
        var variants = new SortedDictionary<string, IReadOnlyList<Profile>>(StringComparer.Ordinal);
        foreach (var variant in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var runs = new List<Profile>();
            foreach (var set in Directory.GetDirectories(variant).Where(ProfileSetReader.IsProfileSet).Order(StringComparer.Ordinal))
            {
                runs.AddRange(ProfileSetReader.Read(set).Scenarios.SelectMany(s => s.Runs));
            }

            variants[Path.GetFileName(variant)] = runs;
        }

        return new RunPool(variants);
    }

    public IReadOnlyList<Profile> this[string variant] => Variants[variant];
}
