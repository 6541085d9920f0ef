using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Sets;
using Octokit;

namespace ContinuousProfiler.Gate.Store.GitHub;

/// <summary>
/// Read-only store over GitHub Actions artifacts named <c>profgate-&lt;sha&gt;-&lt;group&gt;</c> (the REST API
/// cannot upload; the Action's upload step writes them). A set is only accepted from a trusted run: a
/// <c>push</c> run of this repository (not a fork) on a trusted branch, for that very commit, not expired.
/// Downloads follow GitHub's redirect to blob storage, which Octokit does without the token.
/// Routes used: GET /repos/{o}/{r}/actions/artifacts?name= (actions/list-artifacts-for-repo),
/// GET /repos/{o}/{r}/actions/runs/{id} (actions/get-workflow-run),
/// GET /repos/{o}/{r}/actions/artifacts/{id}/zip (actions/download-artifact, 302).
/// </summary>
public sealed class GitHubArtifactStore(IGitHubClient client, GitHubStoreOptions options) : IProfileStore
{
    private const int PageSize = 100;
    private const int MaxPages = 10;

    /// <inheritdoc />
    public string Description => $"GitHub Actions artifacts of {options.FullName}";

    /// <inheritdoc />
    public async Task<StoreLookup> FindAsync(string commit, string group, CancellationToken cancellationToken = default)
    {
        var name = StoreKeys.ArtifactName(commit, group);
        var artifacts = await ListArtifactsAsync(name, cancellationToken).ConfigureAwait(false);
        if (artifacts.Count == 0)
        {
            return StoreLookup.Missing($"no artifact {name}");
        }

        var reasons = new List<string>();
        foreach (var artifact in artifacts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id))
        {
            if (artifact.Expired)
            {
                reasons.Add($"artifact {artifact.Id} expired on {artifact.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            var distrust = await DistrustAsync(artifact, commit).ConfigureAwait(false);
            if (distrust is not null)
            {
                reasons.Add($"artifact {artifact.Id} refused: {distrust}");
                continue;
            }

            var folder = await DownloadAsync(artifact, cancellationToken).ConfigureAwait(false);
            var manifest = ProfileSetReader.ReadManifest(folder);
            if (manifest.Commit is { } stated && !string.Equals(stated, commit, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"artifact {artifact.Id} refused: its manifest is for commit {StoreKeys.Short(stated)}");
                continue;
            }

            if (manifest.Group != group)
            {
                reasons.Add($"artifact {artifact.Id} refused: its manifest is for group '{manifest.Group}'");
                continue;
            }

            var source = $"artifact {name} (id {artifact.Id}, run {artifact.WorkflowRun?.Id})";
            return StoreLookup.Found(new StoredSet(commit, group, new DateTimeOffset(artifact.CreatedAt.ToUniversalTime()), source, folder, manifest with { Commit = commit }));
        }

        return StoreLookup.Missing(string.Join("; ", reasons));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSet>> ListAsync(string? group, CancellationToken cancellationToken = default)
    {
        var sets = new List<StoredSet>();
        foreach (var artifact in await ListArtifactsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (!artifact.Expired && StoreKeys.TryParseArtifactName(artifact.Name, out var commit, out var artifactGroup) && (group is null || artifactGroup == group))
            {
                sets.Add(new StoredSet(commit, artifactGroup, new DateTimeOffset(artifact.CreatedAt.ToUniversalTime()), $"artifact {artifact.Name} (id {artifact.Id}, run {artifact.WorkflowRun?.Id}, {artifact.WorkflowRun?.HeadBranch})", "", null));
            }
        }

        return [.. sets.OrderByDescending(s => s.StoredAt).ThenBy(s => s.Commit, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task FetchAsync(StoredSet set, string outDirectory, CancellationToken cancellationToken = default)
    {
        var found = set;
        if (set.Manifest is null || !ProfileSetReader.IsProfileSet(set.Location))
        {
            var lookup = await FindAsync(set.Commit, set.Group, cancellationToken).ConfigureAwait(false);
            found = lookup.Set ?? throw new InputException($"{Description}: no usable set for {StoreKeys.Short(set.Commit)} ({set.Group}): {lookup.Reason}");
        }

        SetCopy.Copy(found.Location, found.Manifest!, outDirectory);
    }

    /// <summary>Why an artifact may not serve as a baseline, or null when its run is trusted.</summary>
    private async Task<string?> DistrustAsync(Artifact artifact, string commit)
    {
        var origin = artifact.WorkflowRun;
        if (origin is null)
        {
            return "GitHub did not say which workflow run made it";
        }

        if (origin.HeadRepositoryId != origin.RepositoryId)
        {
            return "it was made by a run on a fork's code";
        }

        if (!string.Equals(origin.HeadSha, commit, StringComparison.OrdinalIgnoreCase))
        {
            return $"its run built commit {StoreKeys.Short(origin.HeadSha ?? "?")}, not {StoreKeys.Short(commit)}";
        }

        var run = await GitHubErrors.Call($"reading workflow run {origin.Id}", options.FullName,
            () => client.Actions.Workflows.Runs.Get(options.Owner, options.Repository, origin.Id)).ConfigureAwait(false);
        if (!string.Equals(run.Event, "push", StringComparison.Ordinal))
        {
            return $"it comes from a '{run.Event}' run; only push runs on a base branch may provide baselines";
        }

        if (!string.Equals(run.HeadRepository?.FullName, options.FullName, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(run.Repository?.FullName, options.FullName, StringComparison.OrdinalIgnoreCase))
        {
            return $"its run belongs to {run.HeadRepository?.FullName ?? "an unknown repository"}, not {options.FullName}";
        }

        if (run.HeadBranch is not { } branch || !options.TrustedBranches.Any(glob => Glob(glob).IsMatch(branch)))
        {
            return $"its push run was on branch '{run.HeadBranch}', not a base branch ({string.Join(", ", options.TrustedBranches)})";
        }

        return null;
    }

    private async Task<string> DownloadAsync(Artifact artifact, CancellationToken cancellationToken)
    {
        var name = $"artifact {artifact.Name} (id {artifact.Id})";
        if (artifact.SizeInBytes > options.Limits.MaxArchiveBytes)
        {
            throw new InputException($"{name}: {artifact.SizeInBytes:N0} bytes is more than the {options.Limits.MaxArchiveBytes:N0} allowed; refusing to download it");
        }

        var folder = Path.Combine(options.CacheDirectory, artifact.Id.ToString(CultureInfo.InvariantCulture));
        if (ProfileSetReader.IsProfileSet(folder))
        {
            return folder;
        }

        var zipPath = Path.Combine(options.CacheDirectory, $".{artifact.Id}.{Guid.NewGuid():N}.zip");
        Directory.CreateDirectory(options.CacheDirectory);
        try
        {
            await using (var download = await GitHubErrors.Call($"downloading {name}", options.FullName,
                () => client.Actions.Artifacts.DownloadArtifact(options.Owner, options.Repository, artifact.Id, "zip")).ConfigureAwait(false))
            await using (var file = File.Create(zipPath))
            {
                await CopyCapped(download, file, options.Limits.MaxArchiveBytes, name, cancellationToken).ConfigureAwait(false);
            }

            SetDirectory.Publish(folder, temp =>
            {
                using var zip = File.OpenRead(zipPath);
                ArtifactArchive.Extract(zip, temp, options.Limits, name);
                HoistSingleFolder(temp, name);
            });
        }
        finally
        {
            File.Delete(zipPath);
        }

        return folder;
    }

    /// <summary>Accepts a set at the zip's root or inside one top-level folder (uploads of <c>path: set/</c> vs <c>set</c>).</summary>
    private static void HoistSingleFolder(string folder, string name)
    {
        if (File.Exists(Path.Combine(folder, ProfileSetWriter.ManifestFileName)))
        {
            return;
        }

        var entries = Directory.GetFileSystemEntries(folder);
        if (entries.Length == 1 && Directory.Exists(entries[0]) && File.Exists(Path.Combine(entries[0], ProfileSetWriter.ManifestFileName)))
        {
            foreach (var entry in Directory.GetFileSystemEntries(entries[0]))
            {
                var target = Path.Combine(folder, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, target);
                }
                else
                {
                    File.Move(entry, target);
                }
            }

            Directory.Delete(entries[0]);
            return;
        }

        throw new InputException($"{name}: no {ProfileSetWriter.ManifestFileName} in the archive; expected a ProfileSet folder uploaded by the profgate action");
    }

    private static async Task CopyCapped(Stream input, Stream output, long cap, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > cap)
            {
                throw new InputException($"{name}: the download is larger than {cap:N0} bytes; refusing it");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<Artifact>> ListArtifactsAsync(string? name, CancellationToken cancellationToken)
    {
        var all = new List<Artifact>();
        for (var page = 1; page <= MaxPages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new ListArtifactsRequest { Name = name, PerPage = PageSize, Page = page };
            var response = await GitHubErrors.Call(name is null ? "listing artifacts" : $"looking for artifact {name}", options.FullName,
                () => client.Actions.Artifacts.ListArtifacts(options.Owner, options.Repository, request)).ConfigureAwait(false);
            all.AddRange(response.Artifacts);
            if (response.Artifacts.Count < PageSize || all.Count >= response.TotalCount)
            {
                break;
            }
        }

        return all;
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
