using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// Reads a ProfileSet folder (see docs/profileset.md): the manifest, checked, then every run's profile
/// through <see cref="ProfileReader"/>. Problems become one-line <see cref="InputException"/>s.
/// </summary>
public static class ProfileSetReader
{
    /// <summary>True when <paramref name="path"/> is a folder holding a <c>manifest.json</c>.</summary>
    public static bool IsProfileSet(string path) =>
        Directory.Exists(path) && File.Exists(Path.Combine(path, ProfileSetWriter.ManifestFileName));

    /// <summary>Reads and checks only the manifest (every run file must exist).</summary>
    public static ProfileSetManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ProfileSetWriter.ManifestFileName);
        if (!Directory.Exists(directory))
        {
            throw new InputException($"{directory}: no such ProfileSet folder; expected a folder written by 'profgate capture', 'profgate import' or 'profgate store get'");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new InputException($"{directory}: no {ProfileSetWriter.ManifestFileName}; this folder is not a ProfileSet (expected a folder written by 'profgate capture' or 'profgate import')");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the manifest ({e.Message})");
        }

        var manifest = ProfileSetJson.Deserialize(json, path);
        return Check(manifest, directory, path);
    }

    /// <summary>Reads the whole set.</summary>
    /// <param name="directory">The set folder.</param>
    /// <param name="readProfile">Reads one profile file; <see cref="ProfileReader.Read(string, long)"/> when null.</param>
    public static LoadedProfileSet Read(string directory, Func<string, Profile>? readProfile = null)
    {
        readProfile ??= path => ProfileReader.Read(path);
        var manifest = ReadManifest(directory);
        var scenarios = ImmutableArray.CreateBuilder<ScenarioRuns>(manifest.Scenarios.Length);
        foreach (var scenario in manifest.Scenarios)
        {
            var runs = ImmutableArray.CreateBuilder<Profile>(scenario.Runs.Length);
            foreach (var run in scenario.Runs)
            {
                var profile = readProfile(Path.Combine(directory, run.File));
                runs.Add(profile.Metadata.Scenario is null ? profile.WithMetadata(profile.Metadata with { Scenario = scenario.Name }) : profile);
            }

            scenarios.Add(new ScenarioRuns(scenario.Name, runs.MoveToImmutable(), scenario.Timings));
        }

        return new LoadedProfileSet(manifest, scenarios.MoveToImmutable());
    }

    private static ProfileSetManifest Check(ProfileSetManifest manifest, string directory, string source)
    {
        if (manifest.Scenarios.IsDefault || manifest.Scenarios.Length == 0)
        {
            throw new InputException($"{source}: the manifest lists no scenarios; expected at least one scenario with one run");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scenarios = ImmutableArray.CreateBuilder<ScenarioEntry>(manifest.Scenarios.Length);
        foreach (var scenario in manifest.Scenarios)
        {
            if (scenario is null || string.IsNullOrEmpty(scenario.Name))
            {
                throw new InputException($"{source}: a scenario has no name; expected \"name\" on every scenario");
            }

            if (!seen.Add(scenario.Name))
            {
                throw new InputException($"{source}: scenario '{scenario.Name}' appears twice; expected unique scenario names");
            }

            if (scenario.Runs.IsDefault || scenario.Runs.Length == 0)
            {
                throw new InputException($"{source}: scenario '{scenario.Name}' has no runs; expected at least one profiled run");
            }

            for (var i = 0; i < scenario.Runs.Length; i++)
            {
                CheckRunFile(scenario.Runs[i]?.File, scenario.Name, i + 1, directory, source);
            }

            scenarios.Add(scenario with { Timings = scenario.Timings.IsDefault ? [] : scenario.Timings });
        }

        return manifest with
        {
            Scenarios = [.. scenarios.OrderBy(s => s.Name, StringComparer.Ordinal)],
            Environment = manifest.Environment ?? EnvironmentFingerprint.Unknown,
            Properties = manifest.Properties ?? ImmutableSortedDictionary<string, string>.Empty,
            Group = string.IsNullOrEmpty(manifest.Group) ? "default" : manifest.Group,
        };
    }

    private static void CheckRunFile(string? file, string scenario, int run, string directory, string source)
    {
        if (string.IsNullOrEmpty(file) || Path.IsPathRooted(file) || file.Split('/', '\\').Any(part => part is ".." or ""))
        {
            throw new InputException($"{source}: scenario '{scenario}' run {run} has file '{file}'; expected a file name inside the set folder");
        }

        if (!File.Exists(Path.Combine(directory, file)))
        {
            throw new InputException($"{Path.Combine(directory, file)}: missing from the ProfileSet (scenario '{scenario}' run {run} in {ProfileSetWriter.ManifestFileName}); copy the whole set folder again or re-capture it");
        }
    }
}
