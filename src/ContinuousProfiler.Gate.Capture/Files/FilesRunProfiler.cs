using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Capture.Files;

/// <summary>
/// The command writes its own profiles (Go's <c>-cpuprofile</c>, Node's <c>--cpu-prof</c>, BenchmarkDotNet's
/// EventPipe profiler, …); after each run the files matching <c>--collect</c> that the run wrote are
/// read, one scenario per file name stem.
/// </summary>
public sealed class FilesRunProfiler(CaptureOptions options, ImmutableArray<string> command) : IRunProfiler
{
    private readonly GlobPattern _glob = new(options.Collect ?? throw new InputException("--profiler files needs --collect GLOB: the profile files the command writes (e.g. --collect 'out/*.pb.gz')"));

    /// <inheritdoc />
    public string Name => "files";

    /// <summary>Profile files read so far (all runs), so "matched nothing" and "matched only empty profiles" read apart.</summary>
    public int FilesRead { get; private set; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> AppliedSettings { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public void Prepare()
    {
    }

    /// <inheritdoc />
    public ProfiledRun Profile(string workDirectory)
    {
        // File times can be coarse (1–2 s on some file systems): anything written since just before the run counts.
        var start = DateTime.UtcNow.AddSeconds(-2);
        var outcome = CommandRunner.Run(command, options.Directory, options.VariablesWith());
        var scenarios = new SortedDictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var file in _glob.Find(options.Directory).Where(f => File.GetLastWriteTimeUtc(f) >= start))
        {
            var name = ProfileFileNames.Stem(file);
            if (scenarios.ContainsKey(name))
            {
                throw new InputException($"--collect {options.Collect}: two files of one run have the scenario name '{name}' ({file}); give each profile file its own name");
            }

            var profile = ProfileReader.Read(file);
            FilesRead++;
            scenarios[name] = profile.WithMetadata(profile.Metadata with { Scenario = name });
        }

        return new ProfiledRun(outcome, scenarios, Total: scenarios.Values.Sum(p => p.Total(p.DefaultSampleType)));
    }

    /// <inheritdoc />
    public TimedRun Time(string workDirectory) => new(CommandRunner.Run(command, options.Directory, options.VariablesWith()));
}
