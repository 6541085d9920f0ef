using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Capture.Sets;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.NetTrace;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// Profiles a .NET command with EventPipe through environment variables. <c>dotnet test</c> gets the
/// variables through a generated runsettings file so only the test host (and what it starts) is traced,
/// with ReadyToRun off there; other commands get them directly, for the whole process tree, and tooling
/// processes are left out afterwards. <c>dotnet test</c>/<c>dotnet run</c> are built once first, untraced.
/// </summary>
public sealed class DotnetRunProfiler(CaptureOptions options, ImmutableArray<string> command, TextWriter? progress) : IRunProfiler
{
    private DotnetCommand _command = DotnetCommand.Classify(command);

    /// <inheritdoc />
    public string Name => "dotnet";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> AppliedSettings => _command.Kind == DotnetCommandKind.Test
        ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["testhost.DOTNET_ReadyToRun"] = "0" }
        : new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Prepare()
    {
        if (!_command.NeedsBuild)
        {
            return;
        }

        var build = _command.BuildCommand();
        progress?.WriteLine($"profgate: building first, untraced: {string.Join(' ', build.Skip(1).Prepend("dotnet"))} (pass --no-build to skip)");
        var outcome = CommandRunner.Run(build, options.Directory, options.VariablesWith());
        if (!outcome.Succeeded)
        {
            throw new InputException($"the build before profiling failed (exit {outcome.ExitCode}): {string.Join(' ', build.Skip(1).Prepend("dotnet"))}; fix the build, or build yourself and pass --no-build");
        }

        _command = _command.WithNoBuild();
    }

    /// <inheritdoc />
    public ProfiledRun Profile(string workDirectory)
    {
        var traces = Path.Combine(workDirectory, "traces");
        Directory.CreateDirectory(traces);
        var variables = EventPipeEnvironment.Variables(traces, options.Allocations);
        RunOutcome outcome;
        string? trx = null;
        if (_command.Kind == DotnetCommandKind.Test)
        {
            var testhost = new SortedDictionary<string, string>(variables.ToDictionary(), StringComparer.Ordinal) { ["DOTNET_ReadyToRun"] = "0" };
            var settings = TestRunSettings.Write(Path.Combine(workDirectory, "profgate.runsettings"), testhost, ResolveUserSettings());
            trx = Path.Combine(workDirectory, "profiled.trx");
            outcome = CommandRunner.Run(_command.WithSettings(settings).WithTrxLogger(trx).Command, options.Directory, options.VariablesWith());
        }
        else
        {
            outcome = CommandRunner.Run(_command.Command, options.Directory, options.VariablesWith(variables));
        }

        var profiles = ImportTraces(traces);
        var merged = ProfileMerger.Merge(profiles, new ProfileMetadata { Producer = "nettrace", Scenario = ScenarioNaming.ForCommand(options, command) });
        var total = merged.Total(merged.DefaultSampleType);
        var tests = TestScenarioSplitter.Split(merged, out var unattributed);
        if (tests is null && _command.Kind == DotnetCommandKind.Test)
        {
            // A test run whose stacks show no test engine (e.g. the host died early): nothing to attribute.
            progress?.WriteLine("profgate: no test-method frames in this run's traces; its samples are not attributed to any test");
            return new ProfiledRun(outcome, new Dictionary<string, Profile>(), IsTestRun: true, Unattributed: total, Total: total);
        }

        if (tests is null)
        {
            var single = ScenarioNaming.ForCommand(options, command);
            return new ProfiledRun(outcome, total > 0 ? new Dictionary<string, Profile> { [single] = merged } : [], Total: total);
        }

        return new ProfiledRun(outcome, tests, IsTestRun: true, trx is null ? null : TrxDurations.Read(trx), unattributed, total);
    }

    /// <inheritdoc />
    public TimedRun Time(string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        if (_command.Kind != DotnetCommandKind.Test)
        {
            return new TimedRun(CommandRunner.Run(_command.Command, options.Directory, options.VariablesWith()));
        }

        var trx = Path.Combine(workDirectory, "timing.trx");
        var outcome = CommandRunner.Run(_command.WithTrxLogger(trx).Command, options.Directory, options.VariablesWith());
        return new TimedRun(outcome, TrxDurations.Read(trx));
    }

    private string? ResolveUserSettings() =>
        _command.UserSettings is { } path ? Path.GetFullPath(Path.Combine(options.Directory, path)) : null;

    private List<Profile> ImportTraces(string traces)
    {
        var importer = new NetTraceImporter();
        var kept = new List<Profile>();
        foreach (var file in Directory.GetFiles(traces, "*.nettrace").Order(StringComparer.Ordinal))
        {
            Profile profile;
            try
            {
                profile = importer.Import(file);
            }
            catch (InputException e)
            {
                progress?.WriteLine($"profgate: skipped an unreadable trace: {e.Message}");
                continue;
            }

            if (profile.Samples.Length > 0 && !TraceProcessFilter.IsTooling(profile))
            {
                kept.Add(profile);
            }
        }

        return kept;
    }
}
