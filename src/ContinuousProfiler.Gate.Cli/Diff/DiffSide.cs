using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>One side of a diff: a single profile file (one scenario, one run) or a whole ProfileSet.</summary>
/// <param name="Path">What the user gave.</param>
/// <param name="Scenarios">The scenarios with their runs.</param>
/// <param name="Manifest">The set's manifest, or null for a plain profile file.</param>
internal sealed record DiffSide(string Path, IReadOnlyList<ScenarioRuns> Scenarios, ProfileSetManifest? Manifest)
{
    public static DiffSide Load(string path, long maxInputBytes)
    {
        if (Directory.Exists(path))
        {
            var set = ProfileSetReader.Read(path, file => ProfileReader.Read(file, maxInputBytes));
            return new DiffSide(path, set.Scenarios, set.Manifest);
        }

        var profile = ProfileReader.Read(path, maxInputBytes);
        var name = profile.Metadata.Scenario ?? System.IO.Path.GetFileName(path);
        return new DiffSide(path, [ScenarioRuns.Single(profile, name)], null);
    }
}
