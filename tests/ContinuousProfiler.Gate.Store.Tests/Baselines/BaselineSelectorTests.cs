using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Baselines;
using ContinuousProfiler.Gate.Store.Git;
using ContinuousProfiler.Gate.Store.Local;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.Baselines;

/// <summary>Baseline selection in real git repositories built in temporary folders.</summary>
public sealed class BaselineSelectorTests : IDisposable
{
    private readonly GitRepo _repo = new();
    private readonly TempDir _temp = new();
    private readonly LocalProfileStore _store;

    public BaselineSelectorTests() => _store = new LocalProfileStore(_temp.File("store"));

    public void Dispose()
    {
        _repo.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Linear_history_uses_the_merge_base()
    {
        var main = Commits("c", 3);
        Stored(main[2]);
        Branch("feature", "f", 2);

        var choice = await Select("feature", "main");

        Assert.Equal(main[2], choice.Commit);
        Assert.Equal(0, choice.Provenance.CommitsBack);
        Assert.Equal(_repo.Git("rev-parse", "feature"), choice.Provenance.HeadCommit);
        Assert.Equal("local store", choice.Provenance.Source);
        Assert.StartsWith($"baseline {main[2]} from local store, the merge-base itself", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_base_without_a_set_walks_back_to_the_nearest_stored_ancestor()
    {
        var main = Commits("c", 4);
        Stored(main[0]);
        Stored(main[1]);
        Branch("feature", "f", 1);

        var choice = await Select("feature", "main");

        Assert.Equal(main[1], choice.Commit);
        Assert.Equal(2, choice.Provenance.CommitsBack);
        Assert.Equal([$"{main[3][..7]}: no set stored for group 'default'", $"{main[2][..7]}: no set stored for group 'default'"], choice.Notes.ToArray());
        Assert.Contains("2 commits back from the merge-base", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_walk_stops_at_max_commits_back_and_no_baseline_is_a_normal_outcome()
    {
        var main = Commits("c", 4);
        Stored(main[0]);
        Branch("feature", "f", 1);

        var choice = await Select("feature", "main", maxBack: 2);

        Assert.Null(choice.Set);
        Assert.Equal($"no usable set for group 'default' at the merge-base {main[3][..7]} of {_repo.Git("rev-parse", "--short=7", "feature")} and refs/heads/main or its 2 first-parent ancestors checked in {_store.Description}", choice.Provenance.NoBaselineReason);
        Assert.Equal(choice.Provenance.NoBaselineReason, choice.Summary);
        Assert.Equal(3, choice.Notes.Length);
        Assert.Equal(main[0], (await Select("feature", "main", maxBack: 3)).Commit);
    }

    [Fact]
    public async Task A_base_branch_that_moved_on_still_uses_the_fork_point()
    {
        var main = Commits("c", 2);
        Stored(main[1]);
        Branch("feature", "f", 2);
        _repo.Git("checkout", "-q", "main");
        var later = Commits("m", 2);
        Stored(later[1]);

        var choice = await Select("feature", "main");

        Assert.Equal(main[1], choice.Commit);
        Assert.Equal(0, choice.Provenance.CommitsBack);
    }

    [Fact]
    public async Task Merges_walk_the_first_parent_chain_not_the_merged_side_branch()
    {
        var main = Commits("c", 2);
        Stored(main[1]);
        var side = Branch("side", "s", 2);
        Stored(side[1]);
        _repo.Git("checkout", "-q", "main");
        _repo.Git("merge", "-q", "--no-ff", "-m", "merge side", "side");
        var merge = _repo.Git("rev-parse", "HEAD");
        Branch("feature", "f", 1);

        var choice = await Select("feature", "main");

        Assert.Equal(main[1], choice.Commit);
        Assert.Equal(1, choice.Provenance.CommitsBack);
        Assert.Equal([$"{merge[..7]}: no set stored for group 'default'"], choice.Notes.ToArray());
    }

    [Fact]
    public async Task A_head_merged_from_the_base_branch_uses_the_base_tip_it_contains()
    {
        var main = Commits("c", 2);
        Branch("feature", "f", 1);
        _repo.Git("checkout", "-q", "main");
        var later = Commits("m", 1);
        Stored(later[0]);
        Stored(main[1]);
        _repo.Git("checkout", "-q", "feature");
        _repo.Git("merge", "-q", "--no-ff", "-m", "merge main into feature", "main");

        Assert.Equal(later[0], (await Select("feature", "main")).Commit);
    }

    [Fact]
    public async Task Failed_runs_and_other_groups_do_not_count()
    {
        var main = Commits("c", 3);
        Stored(main[0]);
        Stored(main[1], failed: true);
        Stored(main[2], group: "other");

        var choice = await Select("main", "main");

        Assert.Equal(main[0], choice.Commit);
        Assert.Equal($"{main[1][..7]}: the stored set comes from a failed run (exit code 3); skipped", choice.Notes[1]);
    }

    [Fact]
    public async Task The_environment_match_is_reported()
    {
        var main = Commits("c", 1);
        Stored(main[0]);
        var same = await Select("main", "main", head: TestSets.Machine);
        Assert.True(same.Provenance.EnvironmentMatches);
        Assert.EndsWith("environment matches head", same.Summary, StringComparison.Ordinal);

        var other = await Select("main", "main", head: TestSets.Machine with { Cores = 8 });
        Assert.False(other.Provenance.EnvironmentMatches);
        Assert.Equal(["cores: 2 vs 8"], other.Provenance.EnvironmentDifferences.ToArray());

        Assert.Null((await Select("main", "main")).Provenance.EnvironmentMatches);
    }

    [Fact]
    public async Task Unrelated_histories_and_a_missing_base_branch_give_no_baseline()
    {
        Commits("c", 1);
        _repo.Git("checkout", "-q", "--orphan", "island");
        _repo.Commit("island");
        var choice = await Select("island", "main");
        Assert.Null(choice.Set);
        Assert.EndsWith("and refs/heads/main share no history", choice.Provenance.NoBaselineReason, StringComparison.Ordinal);

        choice = await Select("island", "trunk");
        Assert.Equal("the base branch 'trunk' is not in this clone; fetch it (git fetch origin trunk) or pass --base-branch", choice.Provenance.NoBaselineReason);
    }

    [Fact]
    public async Task A_shallow_clone_is_deepened_to_find_the_merge_base()
    {
        var main = Commits("c", 30);
        Stored(main[5]);
        Branch("feature", "f", 3);
        using var clone = new TempDir("profgate-shallow");
        Run(Path.GetDirectoryName(clone.Path)!, "git", "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + _repo.Path, clone.Path);
        var git = GitRepository.Open(clone.Path);
        Assert.True(git.IsShallow);

        var refused = await new BaselineSelector(git, _store).SelectAsync(new BaselineRequest("HEAD", "main", "default", 30, AllowFetch: false));
        Assert.Null(refused.Set);
        Assert.Equal("the base branch 'main' is not in this clone; fetch it (git fetch origin main) or pass --base-branch", refused.Provenance.NoBaselineReason);

        Run(clone.Path, "git", "fetch", "-q", "--depth", "1", "origin", "+refs/heads/main:refs/remotes/origin/main");
        refused = await new BaselineSelector(git, _store).SelectAsync(new BaselineRequest("HEAD", "main", "default", 30, AllowFetch: false));
        Assert.Contains("share no history in this shallow clone; fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)", refused.Provenance.NoBaselineReason, StringComparison.Ordinal);

        var choice = await new BaselineSelector(git, _store).SelectAsync(new BaselineRequest("HEAD", "main", "default", 30));
        Assert.Equal(main[5], choice.Commit);
        Assert.Equal(24, choice.Provenance.CommitsBack);
        Assert.Contains(choice.Notes, n => n.StartsWith("deepened the shallow clone by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shallow_clone_without_the_base_branch_fetches_it()
    {
        var main = Commits("c", 3);
        Stored(main[2]);
        Branch("feature", "f", 1);
        using var clone = new TempDir("profgate-shallow");
        Run(Path.GetDirectoryName(clone.Path)!, "git", "clone", "-q", "--depth", "1", "--single-branch", "--branch", "feature", "file://" + _repo.Path, clone.Path);

        var choice = await new BaselineSelector(GitRepository.Open(clone.Path), _store).SelectAsync(new BaselineRequest("HEAD", "main", "default", 5));

        Assert.Equal(main[2], choice.Commit);
        Assert.Equal("fetched origin/main", choice.Notes[0]);
    }

    private Task<BaselineChoice> Select(string revision, string baseBranch, int maxBack = 20, EnvironmentFingerprint? head = null) =>
        new BaselineSelector(GitRepository.Open(_repo.Path), _store).SelectAsync(new BaselineRequest(revision, baseBranch, "default", maxBack, head, AllowFetch: false));

    private List<string> Commits(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            _repo.Write($"{prefix}{i}.txt", prefix + i);
            return _repo.Commit($"{prefix}{i}");
        })];

    private List<string> Branch(string name, string prefix, int count)
    {
        _repo.Git("checkout", "-q", "-b", name);
        return Commits(prefix, count);
    }

    private void Stored(string commit, string group = "default", bool failed = false) =>
        _store.Put(TestSets.Write(_temp.File($"set-{Guid.NewGuid():N}"), "w-" + commit[..7], group, failed: failed), commit);

    private static void Run(string directory, string exe, params string[] args)
    {
        var result = ProcessRunner.Run(exe, args, directory);
        Assert.True(result.ExitCode == 0, result.StdErr);
    }
}
