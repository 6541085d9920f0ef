using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Sets;

/// <summary>
/// One side of a comparison for one scenario: its repeated profiled runs (at least one) and any
/// unprofiled timing runs. A single profile file is a scenario with one run.
/// </summary>
/// <param name="Name">The scenario name.</param>
/// <param name="Runs">The profiles, one per run.</param>
/// <param name="Timings">Unprofiled timings, possibly empty.</param>
public sealed record ScenarioRuns(string Name, ImmutableArray<Profile> Runs, ImmutableArray<TimingRun> Timings)
{
    /// <summary>Wraps one profile as a one-run scenario.</summary>
    public static ScenarioRuns Single(Profile profile, string? name = null) =>
        new(name ?? profile.Metadata.Scenario ?? "default", [profile], []);
}

/// <summary>A loaded ProfileSet: its manifest and every scenario's profiles.</summary>
/// <param name="Manifest">The manifest as read.</param>
/// <param name="Scenarios">The scenarios in ordinal name order.</param>
public sealed record LoadedProfileSet(ProfileSetManifest Manifest, ImmutableArray<ScenarioRuns> Scenarios);
