using System.Globalization;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store;
using ContinuousProfiler.Gate.Store.Local;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// Base sets kept in the repository's local store by commit and group, so the next run only profiles the
/// head side. A stored set stands in only when it was taken with the same command and options, with at
/// least as many runs, and in the same environment.
/// </summary>
public sealed class BaseCache(LocalProfileStore store)
{
    /// <summary>The manifest property holding the profiled command line.</summary>
    public const string CommandProperty = "local.command";

    /// <summary>The manifest property holding the capture options that change what is recorded.</summary>
    public const string OptionsProperty = "local.options";

    /// <summary>The stored set to reuse, or null with the reason it cannot be used (null when nothing is stored).</summary>
    public (StoredSet? Set, string? Refusal) Find(string commit, string group, IReadOnlyDictionary<string, string> properties, int repeat, EnvironmentFingerprint environment)
    {
        var lookup = store.Find(commit, group);
        if (lookup.Set?.Manifest is not { } manifest)
        {
            return (null, null);
        }

        if (manifest.Failed)
        {
            return (null, "the stored set is marked failed");
        }

        foreach (var (key, value) in properties)
        {
            if (manifest.Properties.GetValueOrDefault(key) != value)
            {
                return (null, $"it was taken with a different {(key == CommandProperty ? "command" : "profiler or options")} ({manifest.Properties.GetValueOrDefault(key) ?? "unknown"})");
            }
        }

        var runs = manifest.Scenarios.IsDefaultOrEmpty ? 0 : manifest.Scenarios.Min(s => s.Runs.Length);
        if (runs < repeat)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"it holds {runs} run(s) per scenario, fewer than --repeat {repeat}"));
        }

        var differences = manifest.Environment.Differences(environment);
        return differences.Count > 0
            ? (null, $"its environment differs ({string.Join("; ", differences)})")
            : (lookup.Set, null);
    }

    /// <summary>Stores a freshly profiled base set.</summary>
    public StoredSet Put(string setDirectory, string commit) => store.Put(setDirectory, commit);

    /// <summary>Copies a stored set out to <paramref name="directory"/>.</summary>
    public void Fetch(StoredSet set, string directory) => store.FetchAsync(set, directory).GetAwaiter().GetResult();
}
