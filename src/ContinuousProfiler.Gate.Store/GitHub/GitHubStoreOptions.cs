using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Store.GitHub;

/// <summary>Where and how the GitHub artifact store reads.</summary>
/// <param name="Owner">Repository owner.</param>
/// <param name="Repository">Repository name.</param>
/// <param name="TrustedBranches">Branch name globs (<c>*</c>, <c>?</c>) whose push runs may provide baselines.</param>
/// <param name="CacheDirectory">Where downloaded artifacts are unpacked (one folder per artifact id).</param>
/// <param name="Limits">Caps on download and unpacking.</param>
public sealed record GitHubStoreOptions(
    string Owner,
    string Repository,
    ImmutableArray<string> TrustedBranches,
    string CacheDirectory,
    ArchiveLimits Limits)
{
    /// <summary><c>owner/name</c>.</summary>
    public string FullName => $"{Owner}/{Repository}";
}
