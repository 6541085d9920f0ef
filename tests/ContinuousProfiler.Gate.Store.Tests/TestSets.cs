using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Store.Tests;

/// <summary>Real ProfileSets (pprof files) for store tests; each run's frames carry the writer id.</summary>
internal static class TestSets
{
    public static readonly EnvironmentFingerprint Machine = new() { Os = "Linux", CpuModel = "Test CPU", Cores = 2, Runtime = ".NET 10" };

    public static string Write(string directory, string writerId, string group = "default", string? commit = null, bool failed = false, EnvironmentFingerprint? environment = null, int runs = 2, int stacks = 3)
    {
        var folded = string.Join('\n', Enumerable.Range(0, stacks).Select(i => $"main;{writerId};work{i} {i + 1}"));
        var profiles = new Dictionary<string, IReadOnlyList<Profile>>
        {
            ["parse"] = [.. Enumerable.Range(0, runs).Select(_ => TestProfiles.FromFolded(folded))],
            ["render"] = [TestProfiles.FromFolded(folded)],
        };
        ProfileSetWriter.Write(new ProfileSetManifest
        {
            WriterId = writerId,
            Group = group,
            Commit = commit,
            Failed = failed,
            ExitCode = failed ? 3 : null,
            Environment = environment ?? Machine,
        }, profiles, directory);
        return directory;
    }

    /// <summary>True when every profile of the set names only the manifest's writer id.</summary>
    public static string? MixedWriter(string directory)
    {
        var set = ProfileSetReader.Read(directory);
        foreach (var run in set.Scenarios.SelectMany(s => s.Runs))
        {
            var writer = run.Frames[run.Samples[0].Stack[1]].Name;
            if (writer != set.Manifest.WriterId)
            {
                return $"manifest says {set.Manifest.WriterId} but a profile says {writer}";
            }
        }

        return null;
    }
}
