using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Local;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.Local;

public sealed class LocalProfileStoreTests : IDisposable
{
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Put_then_find_and_fetch_round_trip_with_the_key_commit_in_the_manifest()
    {
        var store = new LocalProfileStore(_temp.File("store"));
        var stored = store.Put(TestSets.Write(_temp.File("set"), "w1", group: "bench", commit: B), A);
        Assert.Equal((A, "bench"), (stored.Commit, stored.Group));

        var found = store.Find(A, "bench").Set!;
        Assert.Equal(A, found.Manifest!.Commit);
        Assert.Equal("local store", found.Source);
        await store.FetchAsync(found, _temp.File("out"));
        var copy = ProfileSetReader.Read(_temp.File("out"));
        Assert.Equal(A, copy.Manifest.Commit);
        Assert.Null(TestSets.MixedWriter(_temp.File("out")));
        Assert.Equal("no set stored for group 'other'", store.Find(A, "other").Reason);
        Assert.Null(store.Find(B, "bench").Set);
    }

    [Fact]
    public void Groups_never_mix_and_a_second_put_replaces_the_first_whole()
    {
        var store = new LocalProfileStore(_temp.File("store"));
        store.Put(TestSets.Write(_temp.File("s1"), "first", group: "bench"), A);
        store.Put(TestSets.Write(_temp.File("s2"), "other-group", group: "tests"), A);
        store.Put(TestSets.Write(_temp.File("s3"), "second", group: "bench", runs: 1), A);

        Assert.Equal("second", store.Find(A, "bench").Set!.Manifest!.WriterId);
        Assert.Equal("other-group", store.Find(A, "tests").Set!.Manifest!.WriterId);
        Assert.Single(Directory.GetDirectories(Path.Combine(store.Root, A, "bench")));
        Assert.DoesNotContain(Directory.GetDirectories(store.Root), d => Path.GetFileName(d).StartsWith('.'));
        Assert.Equal([("tests", A), ("bench", A)], store.List(null).Select(s => (s.Group, s.Commit)).OrderByDescending(x => x.Group));
    }

    [Fact]
    public void Put_refuses_a_bad_commit_or_group_and_a_broken_set()
    {
        var store = new LocalProfileStore(_temp.File("store"));
        var e = Assert.Throws<InputException>(() => store.Put(TestSets.Write(_temp.File("s"), "w"), "abc"));
        Assert.Contains("'abc' is not a full commit SHA", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InputException>(() => store.Put(TestSets.Write(_temp.File("g"), "w", group: "../evil"), A));
        Assert.Contains("scenario group '../evil' is not a valid name", e.Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(_temp.File("s"), "render.1.pb.gz"));
        e = Assert.Throws<InputException>(() => store.Put(_temp.File("s"), A));
        Assert.Contains("render.1.pb.gz: missing from the ProfileSet", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(store.Root, A)));
    }

    [Fact]
    public void Prune_keeps_the_newest_commits_per_group_or_removes_by_age()
    {
        var store = new LocalProfileStore(_temp.File("store"));
        var shas = Enumerable.Range(1, 4).Select(i => new string((char)('0' + i), 40)).ToList();
        foreach (var sha in shas)
        {
            store.Put(TestSets.Write(_temp.File(sha), sha[..1], group: "bench"), sha);
            Thread.Sleep(5); // distinct put times order the sets
        }

        store.Put(TestSets.Write(_temp.File("t"), "t", group: "tests"), shas[0]);
        var removed = store.Prune(keep: 2, olderThan: null);
        Assert.Equal([shas[1], shas[0]], removed.Select(s => s.Commit));
        Assert.Equal([shas[3], shas[2]], store.List("bench").Select(s => s.Commit));
        Assert.NotNull(store.Find(shas[0], "tests").Set);
        Assert.False(Directory.Exists(Path.Combine(store.Root, shas[1])));

        Assert.Empty(store.Prune(null, DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Equal(3, store.Prune(null, DateTimeOffset.UtcNow.AddSeconds(1)).Count);
        Assert.Empty(store.List(null));
    }

    [Fact]
    public void The_repository_default_is_excluded_from_git_status()
    {
        using var repo = new GitRepo();
        repo.Commit("init");
        var store = LocalProfileStore.ForRepository(GitRepository.Open(repo.Path));
        LocalProfileStore.ForRepository(GitRepository.Open(repo.Path));
        store.Put(TestSets.Write(_temp.File("s"), "w"), A);

        Assert.Equal(Path.Combine(repo.Path, ".profgate", "store"), store.Root);
        Assert.Equal("", repo.Git("status", "--porcelain"));
        Assert.Single(File.ReadAllLines(Path.Combine(repo.Path, ".git", "info", "exclude")), l => l == ".profgate/");
    }
}
