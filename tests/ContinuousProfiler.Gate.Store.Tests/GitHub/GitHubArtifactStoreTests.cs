using System.IO.Compression;
using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.GitHub;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.GitHub;

/// <summary>The GitHub artifact store against the fake API; every test ends with the contract check.</summary>
public sealed class GitHubArtifactStoreTests : IDisposable
{
    private const string Sha = "1111111111111111111111111111111111111111";
    private const string Group = "bench";
    private static readonly string ArtifactName = $"profgate-{Sha}-{Group}";

    private readonly FakeGitHubApi _api = new();
    private readonly TempDir _temp = new();

    public void Dispose()
    {
        _api.Dispose();
        _temp.Dispose();
    }

    [ContractFact]
    public async Task A_trusted_push_artifact_is_found_downloaded_and_unpacked_without_sending_the_token_to_blob_storage()
    {
        var run = _api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        var artifact = _api.AddArtifact(run, ArtifactName, SetZip("writer-push"));

        var lookup = await Store().FindAsync(Sha, Group);

        var set = Assert.IsType<StoredSet>(lookup.Set);
        Assert.Equal("writer-push", set.Manifest!.WriterId);
        Assert.Equal($"artifact {ArtifactName} (id {artifact.Id}, run {run.Id})", set.Source);
        var target = _temp.File("out");
        await Store().FetchAsync(set, target);
        Assert.Equal("writer-push", ProfileSetReader.Read(target).Manifest.WriterId);
        Assert.Equal(("localhost", false), Assert.Single(_api.BlobDownloads));
        Assert.All(_api.Exchanges.Where(e => e.Host == "127.0.0.1"), e => Assert.True(e.HadAuthorization));
        AssertContract();
    }

    [ContractFact]
    public async Task An_expired_artifact_is_refused_with_its_date()
    {
        var run = _api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        _api.AddArtifact(run, ArtifactName, SetZip("w"), expired: true);
        var lookup = await Store().FindAsync(Sha, Group);
        Assert.Null(lookup.Set);
        Assert.Matches(@"^artifact \d+ expired on 2026-01-16$", lookup.Reason);
        Assert.Empty(_api.BlobDownloads);
        AssertContract();
    }

    [ContractFact]
    public async Task An_artifact_from_a_pull_request_run_is_refused_and_an_older_push_one_is_used()
    {
        var push = _api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        _api.AddArtifact(push, ArtifactName, SetZip("writer-push"), createdAt: FakeGitHubApi.Epoch);
        var pr = _api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, Event = "pull_request", HeadBranch = "main" });
        _api.AddArtifact(pr, ArtifactName, SetZip("writer-pr"), createdAt: FakeGitHubApi.Epoch.AddHours(1));

        var lookup = await Store().FindAsync(Sha, Group);
        Assert.Equal("writer-push", lookup.Set!.Manifest!.WriterId);
        Assert.Single(_api.BlobDownloads);
        AssertContract();
    }

    [ContractFact]
    public async Task Pull_request_fork_and_other_branch_runs_are_all_refused_with_reasons()
    {
        var fork = new FakeRepository(2, "mallory", "app");
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, Event = "pull_request" }), ArtifactName, SetZip("pr"));
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, HeadRepository = fork }), ArtifactName, SetZip("fork"));
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, HeadBranch = "feature/x" }), ArtifactName, SetZip("branch"));
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = "2222222222222222222222222222222222222222" }), ArtifactName, SetZip("other"));

        var lookup = await Store().FindAsync(Sha, Group);

        Assert.Null(lookup.Set);
        Assert.Contains("comes from a 'pull_request' run; only push runs on a base branch may provide baselines", lookup.Reason, StringComparison.Ordinal);
        Assert.Contains("made by a run on a fork's code", lookup.Reason, StringComparison.Ordinal);
        Assert.Contains("was on branch 'feature/x', not a base branch (main, release/*)", lookup.Reason, StringComparison.Ordinal);
        Assert.Contains("its run built commit 2222222, not 1111111", lookup.Reason, StringComparison.Ordinal);
        Assert.Empty(_api.BlobDownloads);
        AssertContract();
    }

    [ContractFact]
    public async Task A_glob_base_branch_is_trusted()
    {
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha, HeadBranch = "release/2.0" }), ArtifactName, SetZip("release"));
        Assert.Equal("release", (await Store().FindAsync(Sha, Group)).Set!.Manifest!.WriterId);
        AssertContract();
    }

    [ContractFact]
    public async Task A_missing_artifact_is_a_normal_miss()
    {
        var lookup = await Store().FindAsync(Sha, Group);
        Assert.Equal($"no artifact {ArtifactName}", lookup.Reason);
        AssertContract();
    }

    [ContractFact]
    public async Task A_403_says_which_permission_to_grant()
    {
        _api.FailWhen(r => r.Path.EndsWith("/actions/artifacts", StringComparison.Ordinal), FakeResponse.Forbidden());
        var e = await Assert.ThrowsAsync<InputException>(() => Store().FindAsync(Sha, Group));
        Assert.Equal($"GitHub API refused access (403) while looking for artifact {ArtifactName} in octo/app: Resource not accessible by integration; give the token 'actions: read' permission (workflow 'permissions:') or use a token that can read the repository", e.Message);
        AssertContract();
    }

    [ContractFact]
    public async Task A_rate_limit_says_when_it_resets()
    {
        _api.FailWhen(_ => true, FakeResponse.RateLimited(new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.Zero)));
        var e = await Assert.ThrowsAsync<InputException>(() => Store().FindAsync(Sha, Group));
        Assert.StartsWith($"GitHub API rate limit exceeded while looking for artifact {ArtifactName} (5000 requests per hour, resets at 2026-01-15 13:00:00 UTC)", e.Message, StringComparison.Ordinal);
        AssertContract();
    }

    [ContractFact]
    public async Task An_unknown_repository_is_a_404_with_a_hint()
    {
        var store = new GitHubArtifactStore(_api.CreateClient(), Options() with { Repository = "nope" });
        var e = await Assert.ThrowsAsync<InputException>(() => store.FindAsync(Sha, Group));
        Assert.Contains("404 while looking for artifact", e.Message, StringComparison.Ordinal);
        Assert.Contains("repository octo/nope not found or the token cannot see it", e.Message, StringComparison.Ordinal);
        AssertContract();
    }

    [ContractFact]
    public async Task A_zip_with_parent_directory_entries_is_refused_and_writes_nothing_outside()
    {
        var zip = Zip(("manifest.json", "{}"), ("../../escaped.txt", "pwned"));
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha }), ArtifactName, zip);
        var e = await Assert.ThrowsAsync<InputException>(() => Store().FindAsync(Sha, Group));
        Assert.Contains("archive entry '../../escaped.txt' would be written outside the target folder; refusing the artifact", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escaped.txt")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_temp.Path)!, "escaped.txt")));
        Assert.Empty(Directory.GetDirectories(_temp.File("cache")));
        AssertContract();
    }

    [ContractFact]
    public async Task Size_and_file_count_caps_are_enforced()
    {
        _api.AddArtifact(_api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha }), ArtifactName, Zip(("manifest.json", new string('x', 5000))));
        var e = await Assert.ThrowsAsync<InputException>(() => new GitHubArtifactStore(_api.CreateClient(), Options() with { Limits = new ArchiveLimits(MaxUnpackedBytes: 1000) }).FindAsync(Sha, Group));
        Assert.Contains("unpacks to more than 1,000 bytes; refusing it as a possible zip bomb", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<InputException>(() => new GitHubArtifactStore(_api.CreateClient(), Options() with { Limits = new ArchiveLimits(MaxFiles: 0) }).FindAsync(Sha, Group));
        Assert.Contains("more than the 0 allowed", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<InputException>(() => new GitHubArtifactStore(_api.CreateClient(), Options() with { Limits = new ArchiveLimits(MaxArchiveBytes: 10) }).FindAsync(Sha, Group));
        Assert.Contains("bytes is more than the 10 allowed; refusing to download it", e.Message, StringComparison.Ordinal);
        AssertContract();
    }

    [ContractFact]
    public async Task A_set_inside_one_top_level_folder_is_accepted_and_listing_parses_names()
    {
        var run = _api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = Sha });
        _api.AddArtifact(run, ArtifactName, SetZip("nested", prefix: "set/"));
        _api.AddArtifact(run, "coverage-report", Zip(("a.txt", "x")));
        Assert.Equal("nested", (await Store().FindAsync(Sha, Group)).Set!.Manifest!.WriterId);
        var listed = Assert.Single(await Store().ListAsync(null));
        Assert.Equal((Sha, Group), (listed.Commit, listed.Group));
        AssertContract();
    }

    private GitHubArtifactStore Store() => new(_api.CreateClient(), Options());

    private GitHubStoreOptions Options() => new("octo", "app", ["main", "release/*"], _temp.File("cache"), new ArchiveLimits());

    private void AssertContract() => Assert.Empty(GitHubContract.ForFake(_api).Check(_api));

    private byte[] SetZip(string writerId, string prefix = "")
    {
        var dir = _temp.File($"set-{Guid.NewGuid():N}");
        ProfileSetWriter.Write(
            new ProfileSetManifest { WriterId = writerId, Group = Group, Commit = Sha },
            new Dictionary<string, IReadOnlyList<Core.Model.Profile>> { ["s"] = [TestProfiles.FromFolded("main;work 3")] },
            dir,
            null);
        return Zip([.. Directory.GetFiles(dir).Select(f => (prefix + Path.GetFileName(f), File.ReadAllText(f, Encoding.Latin1)))]);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.Latin1.GetBytes(content));
            }
        }

        return memory.ToArray();
    }
}
