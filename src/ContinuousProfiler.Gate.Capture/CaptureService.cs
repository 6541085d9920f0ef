using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture.Dotnet;
using ContinuousProfiler.Gate.Capture.Files;
using ContinuousProfiler.Gate.Capture.Perf;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Capture.Sets;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>
/// <c>profgate capture</c>: runs a command under a profiler <c>--repeat</c> times, interleaved with
/// unprofiled timing runs, and writes the ProfileSet (atomically). A failing command still gets its set,
/// marked failed, and then an <see cref="InputException"/> (exit 2).
/// </summary>
/// <param name="progress">Where progress lines go (a terminal's stderr), or null for none.</param>
/// <param name="phases">Where per-phase wall/CPU lines of profgate itself go (<see cref="PhaseLog"/>), or null for none.</param>
public sealed class CaptureService(TextWriter? progress = null, TextWriter? phases = null)
{
    private readonly PhaseLog _phases = new(phases);

    /// <summary>Captures and writes the set.</summary>
    public CaptureResult Capture(CaptureOptions options)
    {
        Validate(options);
        var output = Path.GetFullPath(Path.Combine(options.Directory, options.OutputDirectory));
        OutputFolder.CheckWritable(output, options.OutputDirectory);
        var command = options.Command.SetItem(0, CommandResolver.Resolve(options.Command[0], options.Directory));
        var profiler = Choose(options, command);
        profiler.Prepare();
        _phases.Mark("start-up");

        var scratch = Path.Combine(Path.GetTempPath(), $"profgate-capture-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var assembler = new CaptureSetAssembler();
            var failure = RunAll(options, profiler, assembler, scratch);
            if (assembler.TotalSamples <= 0)
            {
                throw new InputException(failure is { } code
                    ? $"profiled command failed (exit {code}); it produced no samples, so no ProfileSet was written"
                    : NoSamplesMessage(options, command, profiler));
            }

            var (commit, branch) = GitRevision.Of(options.Directory);
            _phases.Mark("git revision");
            var manifest = new ProfileSetManifest
            {
                Commit = commit,
                Branch = branch,
                Group = options.Name is { Length: > 0 } name ? name : "default",
                Command = CommandText.Join(options.Command),
                Profiler = profiler.Name,
                Failed = failure is not null,
                ExitCode = failure,
                Environment = Fingerprint(options, profiler),
                Scenarios = assembler.Scenarios(),
                Properties = (options.Properties ?? ImmutableSortedDictionary<string, string>.Empty).SetItems(assembler.Properties()),
            };
            _phases.Mark("fingerprint and scenarios");
            var written = ProfileSetWriter.Write(manifest, assembler.Profiles, output);
            _phases.Mark("set written");
            if (failure is { } exit)
            {
                throw new InputException($"profiled command failed (exit {exit}); the ProfileSet in {options.OutputDirectory} is marked failed");
            }

            return new CaptureResult(output, written);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("PROFGATE_KEEP_TRACES") == "1")
            {
                progress?.WriteLine($"profgate: kept the raw traces in {scratch} (PROFGATE_KEEP_TRACES=1)");
            }
            else
            {
                SetDirectory.TryDelete(scratch);
            }

            _phases.Mark("clean-up");
        }
    }

    /// <summary>
    /// The environment fingerprint a capture of <paramref name="options"/> would record now, without running
    /// anything (e.g. to decide whether a stored set taken with the same command may stand in for a new one).
    /// </summary>
    public EnvironmentFingerprint Fingerprint(CaptureOptions options)
    {
        Validate(options);
        var command = options.Command.SetItem(0, CommandResolver.Resolve(options.Command[0], options.Directory));
        return Fingerprint(options, Choose(options, command));
    }

    private static EnvironmentFingerprint Fingerprint(CaptureOptions options, IRunProfiler profiler) =>
        EnvironmentProbe.Current(profiler.AppliedSettings, options.Environment);

    private int? RunAll(CaptureOptions options, IRunProfiler profiler, CaptureSetAssembler assembler, string scratch)
    {
        var profiled = 0;
        var timed = 0;
        while (profiled < options.Repeat || timed < options.TimingRuns)
        {
            // Interleave P T P T … so drift on the machine hits both kinds alike.
            var profileNext = profiled < options.Repeat && (profiled <= timed || timed >= options.TimingRuns);
            if (profileNext)
            {
                profiled++;
                progress?.WriteLine($"profgate: profiled run {profiled}/{options.Repeat}");
                var run = profiler.Profile(Path.Combine(scratch, $"run-{profiled}"));
                assembler.Add(run);
                _phases.Mark($"profiled run {profiled} (command {run.Outcome.WallMs:F0} ms wall, then trace conversion)");
                if (!run.Outcome.Succeeded)
                {
                    return run.Outcome.ExitCode;
                }
            }
            else
            {
                timed++;
                progress?.WriteLine($"profgate: timing run {timed}/{options.TimingRuns} (unprofiled)");
                var run = profiler.Time(Path.Combine(scratch, $"timing-{timed}"));
                assembler.Add(run);
                _phases.Mark($"timing run {timed}");
                if (!run.Outcome.Succeeded)
                {
                    return run.Outcome.ExitCode;
                }
            }
        }

        return null;
    }

    private IRunProfiler Choose(CaptureOptions options, ImmutableArray<string> command)
    {
        var kind = options.Profiler ?? (DotnetCommand.Classify(command).Kind == DotnetCommandKind.NotDotnet ? ProfilerKind.Perf : ProfilerKind.Dotnet);
        return kind switch
        {
            ProfilerKind.Dotnet => new DotnetRunProfiler(options, command, progress),
            ProfilerKind.Perf => new PerfRunProfiler(options, command),
            _ => new FilesRunProfiler(options, command),
        };
    }

    private static void Validate(CaptureOptions options)
    {
        if (options.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(options.Command[0]))
        {
            throw new InputException("capture: no command given; put it after '--', e.g. profgate capture -o set -- dotnet test --no-build");
        }

        if (options.Repeat < 1)
        {
            throw new InputException($"--repeat {options.Repeat}: expected a whole number of at least 1");
        }

        if (options.TimingRuns < 0)
        {
            throw new InputException($"--timing-runs {options.TimingRuns}: expected a whole number of at least 0");
        }

        if (options.Collect is not null && options.Profiler is not (null or ProfilerKind.Files))
        {
            throw new InputException("--collect only works with --profiler files; drop one of them");
        }

        if (options.Profiler == ProfilerKind.Files && options.Collect is null)
        {
            throw new InputException("--profiler files needs --collect GLOB: the profile files the command writes (e.g. --collect 'out/*.pb.gz')");
        }
    }

    private static string NoSamplesMessage(CaptureOptions options, ImmutableArray<string> command, IRunProfiler profiler) => profiler switch
    {
        FilesRunProfiler { FilesRead: > 0 } files => $"the {files.FilesRead} profile file(s) matching --collect {options.Collect} hold no samples; expected at least one sample: give the command more work so its profiler samples it",
        FilesRunProfiler => $"no profile files matched --collect {options.Collect} after the command ran (relative to {options.Directory}); check the glob and that the command writes its profiles there",
        PerfRunProfiler => $"perf recorded no samples for scenario '{ScenarioNaming.ForCommand(options, command)}' in {options.Repeat} run(s); expected at least one cpu-clock sample: give the command more work (it may finish in a few milliseconds), or check that perf may sample its processes (kernel.perf_event_paranoid, CAP_PERFMON)",
        _ => "the command produced no managed CPU samples: it may not be a .NET program (use --profiler perf), may finish in a few milliseconds (give it more work), or its test host may have been filtered out",
    };
}
