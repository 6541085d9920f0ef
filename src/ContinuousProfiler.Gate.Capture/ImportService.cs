using ContinuousProfiler.Gate.Capture.Files;
using ContinuousProfiler.Gate.Capture.Running;
using ContinuousProfiler.Gate.Capture.Sets;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>
/// <c>profgate import</c>: builds a ProfileSet from existing profile files, one scenario per file name
/// stem (files with the same stem become runs of one scenario, in argument order), or all files as runs
/// of <c>--name</c>; the manifest is the one capture writes.
/// </summary>
public sealed class ImportService
{
    public CaptureResult Import(ImportOptions options)
    {
        if (options.Files.IsDefaultOrEmpty)
        {
            throw new InputException("import: no profile files given; e.g. profgate import cpu.pb.gz -o set");
        }

        if (options.Commit is { } sha && (sha.Length is < 7 or > 64 || !sha.All(char.IsAsciiHexDigit)))
        {
            throw new InputException($"--commit {sha}: expected a commit SHA (7 to 64 hex digits)");
        }

        var output = Path.GetFullPath(Path.Combine(options.Directory, options.OutputDirectory));
        OutputFolder.CheckWritable(output, options.OutputDirectory);
        var assembler = new CaptureSetAssembler();
        foreach (var file in options.Files)
        {
            var path = Path.Combine(options.Directory, file);
            if (!File.Exists(path))
            {
                throw new InputException($"{file}: no such profile file; check the path");
            }

            var name = options.Name is { Length: > 0 } n ? n : ProfileFileNames.Stem(path);
            var profile = ProfileReader.Read(path);
            profile = profile.WithMetadata(profile.Metadata with { Scenario = name });
            assembler.Add(new ProfiledRun(new RunOutcome(0, 0, 0), new Dictionary<string, Core.Model.Profile> { [name] = profile }));
        }

        if (assembler.TotalSamples <= 0)
        {
            throw new InputException($"import: {CommandText.Join(options.Files)}: no samples in any of these profiles; expected at least one profile with samples (a profiler that stops before its first sample writes an empty one: give the profiled run more work)");
        }

        var (commit, branch) = GitRevision.Of(options.Directory);
        var manifest = new ProfileSetManifest
        {
            Commit = options.Commit?.ToLowerInvariant() ?? commit,
            Branch = options.Commit is null ? branch : null,
            Group = options.Name is { Length: > 0 } group ? group : "default",
            Command = "profgate import " + CommandText.Join(options.Files),
            Profiler = "import",
            Environment = EnvironmentProbe.Current(),
            Scenarios = assembler.Scenarios(),
            Properties = assembler.Properties(),
        };
        return new CaptureResult(output, ProfileSetWriter.Write(manifest, assembler.Profiles, output));
    }
}
