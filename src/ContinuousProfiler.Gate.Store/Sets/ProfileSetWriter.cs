using System.Collections.Immutable;
using System.Reflection;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// Writes a ProfileSet folder: one pprof file (<c>.pb.gz</c>) per scenario per run and
/// <c>manifest.json</c>, all into a temporary sibling folder that is renamed into place, so a reader
/// sees the whole set or nothing. See docs/profileset.md.
/// </summary>
public static class ProfileSetWriter
{
    /// <summary>The manifest's file name inside a set folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>
    /// Writes the set to <paramref name="directory"/> and returns the manifest as written (file names,
    /// sample counts, writer id, time and tool version filled in).
    /// </summary>
    /// <param name="manifest">
    /// The manifest. Its <see cref="ProfileSetManifest.Scenarios"/> may describe the runs (wall/CPU time,
    /// timings, unresolved share); entries are matched to <paramref name="profiles"/> by name and run
    /// index, and their <see cref="RunEntry.File"/> is replaced. Scenarios only in
    /// <paramref name="profiles"/> get fresh entries.
    /// </param>
    /// <param name="profiles">The profiles of each scenario, one per run, keyed by scenario name.</param>
    /// <param name="directory">The set folder; an existing set there is replaced, any other non-empty folder is refused.</param>
    /// <param name="exporter">The exporter; the registry's <c>pprof</c> exporter when null.</param>
    public static ProfileSetManifest Write(
        ProfileSetManifest manifest,
        IReadOnlyDictionary<string, IReadOnlyList<Profile>> profiles,
        string directory,
        IProfileExporter? exporter = null)
    {
        exporter ??= FormatRegistry.Exporter("pprof");
        var complete = Complete(manifest, profiles, exporter.Extension);
        SetDirectory.Publish(directory, temp =>
        {
            foreach (var scenario in complete.Scenarios)
            {
                var runs = profiles[scenario.Name];
                for (var i = 0; i < scenario.Runs.Length; i++)
                {
                    using var stream = File.Create(Path.Combine(temp, scenario.Runs[i].File));
                    exporter.Export(runs[i], stream);
                }
            }

            File.WriteAllText(Path.Combine(temp, ManifestFileName), ProfileSetJson.Serialize(complete));
        });
        return complete;
    }

    /// <summary>Writes a set from loaded scenarios (their timings kept), e.g. for <c>import</c>.</summary>
    public static ProfileSetManifest Write(ProfileSetManifest manifest, IEnumerable<ScenarioRuns> scenarios, string directory, IProfileExporter? exporter = null)
    {
        var list = scenarios.ToList();
        var byName = list.ToDictionary(s => s.Name, s => (IReadOnlyList<Profile>)s.Runs, StringComparer.Ordinal);
        var entries = list.Select(s => manifest.Scenarios.FirstOrDefault(e => e.Name == s.Name)
            ?? new ScenarioEntry(s.Name, [], s.Timings));
        return Write(manifest with { Scenarios = [.. entries] }, byName, directory, exporter);
    }

    /// <summary>The manifest with file names, sample counts and defaults filled in (nothing written).</summary>
    public static ProfileSetManifest Complete(ProfileSetManifest manifest, IReadOnlyDictionary<string, IReadOnlyList<Profile>> profiles, string extension)
    {
        var entries = manifest.Scenarios.IsDefault ? [] : manifest.Scenarios;
        foreach (var entry in entries)
        {
            if (!profiles.ContainsKey(entry.Name))
            {
                throw new InputException($"ProfileSet: the manifest names scenario '{entry.Name}' but no profiles were given for it; give at least one profile per scenario");
            }
        }

        var names = entries.Select(e => e.Name).Concat(profiles.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var usedStems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var scenarios = ImmutableArray.CreateBuilder<ScenarioEntry>(names.Count);
        foreach (var name in names)
        {
            if (name.Length == 0)
            {
                throw new InputException("ProfileSet: a scenario has an empty name; give every scenario a name");
            }

            var runs = profiles[name];
            if (runs.Count == 0)
            {
                throw new InputException($"ProfileSet: scenario '{name}' has no profiles; expected at least one run");
            }

            var entry = entries.FirstOrDefault(e => e.Name == name) ?? new ScenarioEntry(name, [], []);
            var given = entry.Runs.IsDefault ? [] : entry.Runs;
            if (given.Length != 0 && given.Length != runs.Count)
            {
                throw new InputException($"ProfileSet: scenario '{name}' lists {given.Length} runs in the manifest but {runs.Count} profiles were given; they must match");
            }

            var stem = UniqueStem(name, usedStems);
            var runEntries = ImmutableArray.CreateBuilder<RunEntry>(runs.Count);
            for (var i = 0; i < runs.Count; i++)
            {
                var run = i < given.Length ? given[i] : new RunEntry("", 0);
                runEntries.Add(run with
                {
                    File = $"{stem}.{i + 1}{extension}",
                    Samples = run.Samples > 0 ? run.Samples : SampleCount(runs[i]),
                });
            }

            scenarios.Add(entry with
            {
                Runs = runEntries.MoveToImmutable(),
                Timings = entry.Timings.IsDefault ? [] : entry.Timings,
            });
        }

        return manifest with
        {
            SchemaVersion = ProfileSetManifest.CurrentSchemaVersion,
            ToolVersion = manifest.ToolVersion.Length > 0 ? manifest.ToolVersion : ToolVersion,
            CreatedAt = manifest.CreatedAt != default ? manifest.CreatedAt : TruncateToSeconds(DateTimeOffset.UtcNow),
            WriterId = manifest.WriterId.Length > 0 ? manifest.WriterId : Guid.NewGuid().ToString("N"),
            Scenarios = scenarios.MoveToImmutable(),
        };
    }

    /// <summary>profgate's version (without the source revision suffix).</summary>
    public static string ToolVersion { get; } =
        typeof(ProfileSetWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// Samples in a run: the total of a <c>count</c> column when there is one, else the default column
    /// divided by the sampling period when the units agree, else the number of distinct stacks.
    /// </summary>
    public static long SampleCount(Profile profile)
    {
        for (var i = 0; i < profile.SampleTypes.Length; i++)
        {
            if (profile.SampleTypes[i].Unit == "count" && profile.SampleTypes[i].Type is "samples" or "sample")
            {
                return (long)Math.Round(profile.Total(i));
            }
        }

        var column = profile.SampleTypes[profile.DefaultSampleType];
        if (profile.Metadata.Period > 0 && profile.Metadata.PeriodType?.Unit == column.Unit)
        {
            return (long)Math.Round(profile.Total(profile.DefaultSampleType) / profile.Metadata.Period);
        }

        return profile.Samples.Length;
    }

    private static string UniqueStem(string scenario, HashSet<string> used)
    {
        var chars = scenario.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        var stem = new string(chars).Trim('_');
        if (stem.Length == 0)
        {
            stem = "scenario";
        }

        if (stem.Length > 80)
        {
            stem = stem[..80];
        }

        var candidate = stem;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
