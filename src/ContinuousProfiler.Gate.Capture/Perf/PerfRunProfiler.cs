using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Perf;

namespace ContinuousProfiler.Gate.Capture.Perf;

/// <summary>
/// Profiles a command with <c>perf record -e cpu-clock -F 999 -g --no-bpf-event</c> (children followed), then reads
/// <c>perf script</c> text with the perf importer (collapsed like FlameGraph). .NET code gets perf maps
/// (<c>DOTNET_PerfMapEnabled=1</c>, W^X off so JIT code is not attributed to the double-mapped memfd).
/// </summary>
public sealed class PerfRunProfiler(CaptureOptions options, ImmutableArray<string> command) : IRunProfiler
{
    private string _perf = "perf";

    /// <inheritdoc />
    public string Name => "perf";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> AppliedSettings { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["perf.DOTNET_EnableWriteXorExecute"] = "0",
        ["perf.DOTNET_PerfMapEnabled"] = "1",
        ["perf.event"] = "cpu-clock",
        ["perf.frequency"] = "999",
    };

    /// <inheritdoc />
    public void Prepare()
    {
        _perf = PerfTool.Find(options.Directory);
        var scratch = Path.Combine(Path.GetTempPath(), $"profgate-perf-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            PerfTool.CheckPermitted(_perf, scratch);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <inheritdoc />
    public ProfiledRun Profile(string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var data = Path.Combine(workDirectory, "perf.data");
        // --no-bpf-event: perf's BPF side-band thread polls with a 1 s timeout that perf waits out at exit
        // (1 s of wall per run); BPF program symbols never matter for the profiled command.
        var record = ImmutableArray.Create(_perf, "record", "-q", "--no-bpf-event", "-e", "cpu-clock", "-F", "999", "-g", "-o", data, "--").AddRange(command);
        var outcome = CommandRunner.Run(record, options.Directory, options.VariablesWith(new Dictionary<string, string>
        {
            ["DOTNET_PerfMapEnabled"] = "1",
            ["DOTNET_EnableWriteXorExecute"] = "0",
        }));
        if (!File.Exists(data))
        {
            return new ProfiledRun(outcome, new Dictionary<string, Profile>());
        }

        var script = Path.Combine(workDirectory, "perf.script.txt");
        PerfTool.Script(_perf, data, script);
        var name = ScenarioNaming.ForCommand(options, command);
        if (ReadScript(script, name) is not { } profile)
        {
            return new ProfiledRun(outcome, new Dictionary<string, Profile>());
        }

        return new ProfiledRun(outcome, new Dictionary<string, Profile> { [name] = profile }, Total: profile.Total(profile.DefaultSampleType));
    }

    /// <summary>
    /// Reads the <c>perf script</c> text this route wrote as perf script (never by content detection, which
    /// cannot tell a short run's header-only text from another format), or null when perf recorded no sample,
    /// so the capture reports that in one line.
    /// </summary>
    public static Profile? ReadScript(string script, string scenario)
    {
        using var stream = File.OpenRead(script);
        if (!new PerfScriptImporter().TryImport(stream, script, out var profile))
        {
            return null;
        }

        return profile.WithMetadata(profile.Metadata with { Scenario = scenario, Producer = "perf" });
    }

    /// <inheritdoc />
    public TimedRun Time(string workDirectory) => new(CommandRunner.Run(command, options.Directory, options.VariablesWith()));
}
