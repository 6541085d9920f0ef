namespace ContinuousProfiler.Gate.Store;

/// <summary>
/// Where ProfileSets are kept, one per commit and scenario group. The local store also accepts
/// new sets (<see cref="Local.LocalProfileStore.Put"/>); the GitHub artifact store is read-only.
/// </summary>
public interface IProfileStore
{
    /// <summary>What the store is, for messages and provenance (e.g. <c>local store /repo/.profgate/store</c>).</summary>
    string Description { get; }

    /// <summary>Finds the set of a commit and group; a miss says why (never stored, expired, untrusted run…).</summary>
    Task<StoreLookup> FindAsync(string commit, string group, CancellationToken cancellationToken = default);

    /// <summary>Every set the store holds (of one group, or all when null), newest first.</summary>
    Task<IReadOnlyList<StoredSet>> ListAsync(string? group, CancellationToken cancellationToken = default);

    /// <summary>Copies a found set into <paramref name="outDirectory"/> atomically (the whole set or nothing).</summary>
    Task FetchAsync(StoredSet set, string outDirectory, CancellationToken cancellationToken = default);
}
