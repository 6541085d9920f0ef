using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Joins the one-run sets of one side of an interleaved capture into one set: per scenario, the runs (and
/// timings) of every set in order. Profile files are copied, not re-encoded; the result is published whole.
/// </summary>
public static class SetCombiner
{
    /// <summary>Combines <paramref name="sets"/> (set folders of one command) into <paramref name="target"/>.</summary>
    /// <param name="sets">The set folders, in run order; at least one.</param>
    /// <param name="target">The combined set folder.</param>
    /// <param name="properties">Properties added to the first set's.</param>
    public static ProfileSetManifest Combine(IReadOnlyList<string> sets, string target, IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sets.Count);
        var manifests = sets.Select(ProfileSetReader.ReadManifest).ToList();
        var copies = new List<(string Source, string File)>();
        var scenarios = new SortedDictionary<string, List<(ScenarioEntry Entry, int Set)>>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Count; i++)
        {
            foreach (var scenario in manifests[i].Scenarios)
            {
                if (!scenarios.TryGetValue(scenario.Name, out var parts))
                {
                    scenarios[scenario.Name] = parts = [];
                }

                parts.Add((scenario, i));
            }
        }

        var entries = ImmutableArray.CreateBuilder<ScenarioEntry>(scenarios.Count);
        foreach (var (name, parts) in scenarios)
        {
            var runs = ImmutableArray.CreateBuilder<RunEntry>();
            foreach (var (entry, set) in parts)
            {
                foreach (var run in entry.Runs)
                {
                    var file = $"r{set + 1}-{run.File}";
                    copies.Add((Path.Combine(sets[set], run.File), file));
                    runs.Add(run with { File = file });
                }
            }

            var samples = parts.Sum(p => (double)p.Entry.Runs.Sum(r => r.Samples));
            var unresolved = samples > 0
                ? parts.Sum(p => p.Entry.UnresolvedShare * p.Entry.Runs.Sum(r => r.Samples)) / samples
                : parts.Average(p => p.Entry.UnresolvedShare);
            entries.Add(new ScenarioEntry(name, runs.ToImmutable(), [.. parts.SelectMany(p => p.Entry.Timings)], unresolved));
        }

        var first = manifests[0];
        var failed = manifests.FirstOrDefault(m => m.Failed);
        var combined = first with
        {
            WriterId = Guid.NewGuid().ToString("N"),
            Failed = failed is not null,
            ExitCode = failed?.ExitCode,
            Scenarios = entries.ToImmutable(),
            Properties = first.Properties.SetItems(properties ?? new Dictionary<string, string>()),
        };
        SetDirectory.Publish(target, temp =>
        {
            foreach (var (source, file) in copies)
            {
                File.Copy(source, Path.Combine(temp, file));
            }

            File.WriteAllText(Path.Combine(temp, ProfileSetWriter.ManifestFileName), ProfileSetJson.Serialize(combined));
        });
        return combined;
    }
}
