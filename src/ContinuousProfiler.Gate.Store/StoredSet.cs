using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store;

/// <summary>One set held by a store.</summary>
/// <param name="Commit">The full commit SHA it was stored under.</param>
/// <param name="Group">The scenario group.</param>
/// <param name="StoredAt">When it was stored (local put time, or the artifact's creation time).</param>
/// <param name="Source">Where it comes from, for reports: <c>local store</c>, <c>artifact profgate-… (run 123)</c>.</param>
/// <param name="Location">A readable set folder (the local version folder, or the unpacked artifact).</param>
/// <param name="Manifest">The set's manifest as read from <paramref name="Location"/>, or null when only listed.</param>
public sealed record StoredSet(string Commit, string Group, DateTimeOffset StoredAt, string Source, string Location, ProfileSetManifest? Manifest);

/// <summary>The answer to "does this commit have a set?": the set, or why not.</summary>
/// <param name="Set">The set, or null.</param>
/// <param name="Reason">When <paramref name="Set"/> is null: why, in a few words (e.g. <c>no set stored</c>, <c>artifact expired on 2026-01-02</c>).</param>
public sealed record StoreLookup(StoredSet? Set, string Reason)
{
    /// <summary>A hit.</summary>
    public static StoreLookup Found(StoredSet set) => new(set, "");

    /// <summary>A miss and its reason.</summary>
    public static StoreLookup Missing(string reason) => new(null, reason);
}
