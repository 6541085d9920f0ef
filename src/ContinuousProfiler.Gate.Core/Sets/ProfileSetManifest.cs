using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Sets;

/// <summary>
/// The <c>manifest.json</c> of a ProfileSet: what one commit produced for one scenario group.
/// Serialized with camelCase names; <see cref="SchemaVersion"/> is the major version readers check.
/// </summary>
public sealed record ProfileSetManifest
{
    /// <summary>The schema major version this build writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema major version; readers refuse a newer one.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The commit SHA the profiles were taken at, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The branch name, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The scenario group (capture's <c>--name</c>), so sets of different commands never mix.</summary>
    public string Group { get; init; } = "default";

    /// <summary>The profgate version that wrote the set.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>When the set was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A random id of the writer, so concurrent writers can be told apart.</summary>
    public string WriterId { get; init; } = "";

    /// <summary>The profiled command line, when the set came from capture.</summary>
    public string? Command { get; init; }

    /// <summary>How the profiles were taken: <c>dotnet</c>, <c>perf</c>, <c>files</c>, <c>import</c>.</summary>
    public string? Profiler { get; init; }

    /// <summary>True when the profiled command failed; the set is kept for diagnosis but never used as a baseline.</summary>
    public bool Failed { get; init; }

    /// <summary>The profiled command's exit code when it failed.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The machine and runtime the set was taken on.</summary>
    public EnvironmentFingerprint Environment { get; init; } = EnvironmentFingerprint.Unknown;

    /// <summary>The scenarios, in ordinal name order.</summary>
    public ImmutableArray<ScenarioEntry> Scenarios { get; init; } = [];

    /// <summary>Free-form string properties (e.g. pull request metadata written by capture mode).</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
