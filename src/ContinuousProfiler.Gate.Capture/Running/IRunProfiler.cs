using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>One way of profiling a command: prepared once, then run profiled or plain as often as asked.</summary>
public interface IRunProfiler
{
    /// <summary>The profiler's name for the manifest (<c>dotnet</c>, <c>perf</c>, <c>files</c>).</summary>
    string Name { get; }

    /// <summary>Checks the profiler can work and does one-off set-up (e.g. the untraced build).</summary>
    /// <exception cref="Core.InputException">It cannot; the message says how to fix it.</exception>
    void Prepare();

    /// <summary>One profiled run; <paramref name="workDirectory"/> is a fresh scratch folder for it.</summary>
    ProfiledRun Profile(string workDirectory);

    /// <summary>One unprofiled timing run.</summary>
    TimedRun Time(string workDirectory);

    /// <summary>Settings capture applied that change how the code ran (recorded in the manifest).</summary>
    IReadOnlyDictionary<string, string> AppliedSettings { get; }
}

/// <summary>What a profiled run produced.</summary>
/// <param name="Outcome">Exit code and time of the command.</param>
/// <param name="Scenarios">One profile per scenario (per test for test runs).</param>
/// <param name="IsTestRun">True when the scenarios are tests (time per scenario then comes from <paramref name="ScenarioWallMs"/>).</param>
/// <param name="ScenarioWallMs">Per-scenario wall time where known (test durations).</param>
/// <param name="Unattributed">Default-column value of samples of a test run that no test frame claimed.</param>
/// <param name="Total">Default-column value of all samples kept before splitting.</param>
public sealed record ProfiledRun(
    RunOutcome Outcome,
    IReadOnlyDictionary<string, Profile> Scenarios,
    bool IsTestRun = false,
    IReadOnlyDictionary<string, double>? ScenarioWallMs = null,
    double Unattributed = 0,
    double Total = 0);

/// <summary>What a timing run measured.</summary>
/// <param name="Outcome">Exit code and time of the whole command.</param>
/// <param name="ScenarioWallMs">Per-scenario wall time where known (test durations), else null.</param>
public sealed record TimedRun(RunOutcome Outcome, IReadOnlyDictionary<string, double>? ScenarioWallMs = null);
