using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>How a command is profiled.</summary>
public enum ProfilerKind
{
    /// <summary>EventPipe through environment variables (.NET programs and <c>dotnet …</c>).</summary>
    Dotnet,

    /// <summary><c>perf record -e cpu-clock -g</c> (native programs; .NET with perf maps).</summary>
    Perf,

    /// <summary>The command writes its own profile files; <c>--collect</c> gathers them.</summary>
    Files,
}

/// <summary>Everything <c>profgate capture</c> was asked to do.</summary>
/// <param name="Command">The program and its arguments (at least the program).</param>
/// <param name="OutputDirectory">The ProfileSet folder to write.</param>
/// <param name="Name">The scenario group, and the scenario name of a command that is not a test run; null for the default.</param>
/// <param name="Repeat">Profiled runs (≥ 1); each is kept separately.</param>
/// <param name="TimingRuns">Unprofiled runs, interleaved with the profiled ones, that record scenario time.</param>
/// <param name="Profiler">The profiler, or null to choose from the command (.NET → dotnet, else perf).</param>
/// <param name="Allocations">Also record allocation profiles (.NET 10 allocation sampling).</param>
/// <param name="Collect">For <see cref="ProfilerKind.Files"/>: the glob of profile files the command writes.</param>
/// <param name="WorkingDirectory">Where the command runs and relative paths resolve.</param>
/// <param name="Properties">Extra manifest properties (e.g. the pull request metadata the action's capture mode records); capture's own <c>capture.*</c> keys win.</param>
/// <param name="Environment">
/// Variables set for every run of the command (a null value removes the variable), e.g. the switch that
/// injects a regression into the demo's head side; the profiler's own variables win over them.
/// </param>
public sealed record CaptureOptions(
    ImmutableArray<string> Command,
    string OutputDirectory,
    string? Name = null,
    int Repeat = 1,
    int TimingRuns = 0,
    ProfilerKind? Profiler = null,
    bool Allocations = false,
    string? Collect = null,
    string? WorkingDirectory = null,
    ImmutableSortedDictionary<string, string>? Properties = null,
    ImmutableDictionary<string, string?>? Environment = null)
{
    /// <summary>The working directory, defaulting to the current one.</summary>
    public string Directory => WorkingDirectory ?? System.Environment.CurrentDirectory;

    /// <summary>The variables a run of the command gets: <see cref="Environment"/>, then <paramref name="profiler"/>'s on top.</summary>
    public IReadOnlyDictionary<string, string?> VariablesWith(IEnumerable<KeyValuePair<string, string>>? profiler = null)
    {
        var variables = new Dictionary<string, string?>(Environment ?? ImmutableDictionary<string, string?>.Empty, StringComparer.Ordinal);
        foreach (var (key, value) in profiler ?? [])
        {
            variables[key] = value;
        }

        return variables;
    }
}
