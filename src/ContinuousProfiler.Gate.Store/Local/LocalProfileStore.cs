using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Store.Local;

/// <summary>
/// A folder of ProfileSets laid out as <c>&lt;root&gt;/&lt;sha&gt;/&lt;group&gt;/&lt;version&gt;/</c>.
/// Every put publishes a new version folder by rename and then retires older versions, so readers
/// always see one writer's complete set: the newest version wins, and a reader that loses a race with
/// a retirement simply looks again.
/// </summary>
public sealed class LocalProfileStore : IProfileStore
{
    /// <summary>The default store folder, relative to the repository root.</summary>
    public const string DefaultRelativePath = ".profgate/store";

    private const int Attempts = 5;
    private const string VersionTimeFormat = "yyyyMMdd'T'HHmmss'.'fffffff'Z'";

    /// <summary>Opens (without creating) a store folder.</summary>
    public LocalProfileStore(string root) => Root = Path.GetFullPath(root);

    /// <summary>The store folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Description => $"local store {Root}";

    /// <summary>
    /// The repository's default store (<c>.profgate/store</c>), adding <c>.profgate/</c> to
    /// <c>.git/info/exclude</c> so it never shows in <c>git status</c>.
    /// </summary>
    public static LocalProfileStore ForRepository(GitRepository repository)
    {
        var exclude = repository.GitPath("info/exclude");
        var lines = File.Exists(exclude) ? File.ReadAllLines(exclude) : [];
        if (!lines.Any(l => l.Trim() is ".profgate/" or ".profgate" or "/.profgate/" or "/.profgate"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(exclude)!);
            var prefix = lines.Length > 0 && File.ReadAllText(exclude) is { Length: > 0 } text && !text.EndsWith('\n') ? "\n" : "";
            File.AppendAllText(exclude, $"{prefix}.profgate/\n");
        }

        return new LocalProfileStore(Path.Combine(repository.Root, DefaultRelativePath));
    }

    /// <summary>
    /// Stores the set at <paramref name="setDirectory"/> under <paramref name="commit"/> (the manifest's
    /// commit is set to it) and its manifest's group; replaces what that commit and group held.
    /// </summary>
    public StoredSet Put(string setDirectory, string commit)
    {
        StoreKeys.CheckCommit(commit, "store put --commit");
        var manifest = ProfileSetReader.ReadManifest(setDirectory);
        var group = StoreKeys.CheckGroup(manifest.Group, Path.Combine(setDirectory, ProfileSetWriter.ManifestFileName));
        var storedAt = DateTimeOffset.UtcNow;
        var version = $"{storedAt.UtcDateTime.ToString(VersionTimeFormat, CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var groupDirectory = Path.Combine(Root, commit, group);
        var target = Path.Combine(groupDirectory, version);
        SetCopy.Copy(setDirectory, manifest with { Commit = commit }, target);
        RetireAllButNewest(groupDirectory);
        return new StoredSet(commit, group, storedAt, "local store", target, manifest with { Commit = commit });
    }

    /// <inheritdoc />
    public Task<StoreLookup> FindAsync(string commit, string group, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(commit, group));

    /// <summary>Synchronous <see cref="FindAsync"/>.</summary>
    public StoreLookup Find(string commit, string group)
    {
        var groupDirectory = Path.Combine(Root, commit, group);
        for (var attempt = 1; ; attempt++)
        {
            var newest = Versions(groupDirectory).FirstOrDefault();
            if (newest is null)
            {
                return StoreLookup.Missing($"no set stored for group '{group}'");
            }

            try
            {
                var manifest = ProfileSetReader.ReadManifest(newest);
                return StoreLookup.Found(new StoredSet(commit, group, VersionTime(newest), "local store", newest, manifest));
            }
            catch (InputException) when (attempt < Attempts && !Directory.Exists(newest))
            {
                // A newer put retired this version while we read it: look again.
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSet>> ListAsync(string? group, CancellationToken cancellationToken = default) =>
        Task.FromResult(List(group));

    /// <summary>Synchronous <see cref="ListAsync"/>; unreadable entries are skipped.</summary>
    public IReadOnlyList<StoredSet> List(string? group)
    {
        var sets = new List<StoredSet>();
        foreach (var commitDirectory in VisibleDirectories(Root).Where(d => StoreKeys.IsFullSha(Path.GetFileName(d))))
        {
            foreach (var groupDirectory in VisibleDirectories(commitDirectory))
            {
                var name = Path.GetFileName(groupDirectory);
                if (group is null || name == group)
                {
                    var lookup = Find(Path.GetFileName(commitDirectory), name);
                    if (lookup.Set is not null)
                    {
                        sets.Add(lookup.Set);
                    }
                }
            }
        }

        return [.. sets.OrderByDescending(s => s.StoredAt).ThenBy(s => s.Commit, StringComparer.Ordinal).ThenBy(s => s.Group, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task FetchAsync(StoredSet set, string outDirectory, CancellationToken cancellationToken = default)
    {
        var current = set;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                SetCopy.Copy(current.Location, current.Manifest ?? ProfileSetReader.ReadManifest(current.Location), outDirectory);
                return Task.CompletedTask;
            }
            catch (InputException) when (attempt < Attempts && !Directory.Exists(current.Location))
            {
                current = Find(set.Commit, set.Group).Set
                    ?? throw new InputException($"{Description}: the set of {StoreKeys.Short(set.Commit)} ({set.Group}) was removed while copying it; run the command again");
            }
        }
    }

    /// <summary>
    /// Removes sets: keeps the <paramref name="keep"/> most recently stored commits of each group and/or
    /// removes sets stored before <paramref name="olderThan"/>. Returns what was removed.
    /// </summary>
    public IReadOnlyList<StoredSet> Prune(int? keep, DateTimeOffset? olderThan)
    {
        if (keep is < 0)
        {
            throw new InputException($"store prune --keep {keep}: expected a count of 0 or more");
        }

        var removed = new List<StoredSet>();
        foreach (var byGroup in List(null).GroupBy(s => s.Group, StringComparer.Ordinal))
        {
            var ordered = byGroup.OrderByDescending(s => s.StoredAt).ThenBy(s => s.Commit, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if ((keep is { } k && i >= k) || (olderThan is { } limit && ordered[i].StoredAt < limit))
                {
                    Retire(Path.Combine(Root, ordered[i].Commit, ordered[i].Group));
                    removed.Add(ordered[i]);
                }
            }
        }

        foreach (var commitDirectory in VisibleDirectories(Root).Where(d => !Directory.EnumerateFileSystemEntries(d).Any()))
        {
            TryDeleteEmpty(commitDirectory);
        }

        return removed;
    }

    /// <summary>The complete version folders of a group, newest first.</summary>
    private static List<string> Versions(string groupDirectory) =>
        [.. VisibleDirectories(groupDirectory).OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)];

    private static IEnumerable<string> VisibleDirectories(string directory)
    {
        try
        {
            return Directory.Exists(directory)
                ? [.. Directory.EnumerateDirectories(directory).Where(d => !Path.GetFileName(d).StartsWith(SetDirectory.HiddenPrefix, StringComparison.Ordinal))]
                : [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private static DateTimeOffset VersionTime(string versionDirectory)
    {
        var name = Path.GetFileName(versionDirectory);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && DateTime.TryParseExact(name[..dash], VersionTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : DateTimeOffset.MinValue;
    }

    private void RetireAllButNewest(string groupDirectory)
    {
        foreach (var old in Versions(groupDirectory).Skip(1))
        {
            Retire(old);
        }
    }

    /// <summary>Renames a folder to a hidden name (so no reader finds it any more), then deletes it.</summary>
    private void Retire(string directory)
    {
        var hidden = Path.Combine(Root, $"{SetDirectory.HiddenPrefix}retired-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(directory, hidden);
        }
        catch (DirectoryNotFoundException)
        {
            return; // someone else retired it
        }
        catch (IOException)
        {
            return;
        }

        SetDirectory.TryDelete(hidden);
    }

    private static void TryDeleteEmpty(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: false);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
