using System.IO.Compression;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using ContinuousProfiler.Gate.Testing.GitHub;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.Cli;

/// <summary>The real <c>profgate store …</c> process in a real repository.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly GitRepo _repo = new();
    private readonly TempDir _temp = new();

    public void Dispose()
    {
        _repo.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Put_list_get_and_baseline_in_the_default_store()
    {
        var c1 = _repo.Commit("c1");
        var c2 = _repo.Commit("c2");
        _repo.Git("checkout", "-q", "-b", "feature");
        var f1 = _repo.Commit("f1");

        var put = Profgate("store", "put", TestSets.Write(_temp.File("set"), "w1", group: "bench"), "--commit", "HEAD~2");
        Assert.Equal(0, put.ExitCode);
        Assert.Equal($"stored {c1} group 'bench' in {Path.Combine(_repo.Path, ".profgate", "store")}\n", put.StdOut);
        Assert.Equal("", _repo.Git("status", "--porcelain"));

        var list = Profgate("store", "list");
        Assert.Matches($"^{c1}  bench  \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  2 scenario\\(s\\)  local store\n$", list.StdOut);

        var get = Profgate("store", "get", c1[..8], "-g", "bench", "-o", _temp.File("out"));
        Assert.Equal(0, get.ExitCode);
        Assert.Equal($"wrote {_temp.File("out")}: {c1} group 'bench' from local store\n", get.StdOut);
        Assert.Equal(c1, ProfileSetReader.ReadManifest(_temp.File("out")).Commit);

        var baseline = Profgate("store", "baseline", "--group", "bench", "--base-branch", "main", "--head-set", _temp.File("out"), "-o", _temp.File("baseline"));
        Assert.Equal(0, baseline.ExitCode);
        var lines = baseline.StdOut.Split('\n');
        Assert.Equal(c1, lines[0]);
        Assert.Equal($"baseline {c1} from local store, 1 commit back from the merge-base, environment matches head", lines[1]);
        Assert.Equal($"  {c2[..7]}: no set stored for group 'bench'", lines[2]);
        Assert.Equal($"wrote {_temp.File("baseline")}", lines[3]);
        Assert.True(ProfileSetReader.IsProfileSet(_temp.File("baseline")));
        Assert.NotEqual(f1, c1);
    }

    [Fact]
    public void No_baseline_prints_none_first_and_exits_0()
    {
        _repo.Commit("c1");
        var result = Profgate("store", "baseline", "--base-branch", "main", "--no-fetch");
        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n');
        Assert.Equal("none", lines[0]);
        Assert.StartsWith("no usable set for group 'default' at the merge-base", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_branch_defaults_to_GITHUB_BASE_REF_and_max_commits_back_comes_from_the_config()
    {
        var c1 = _repo.Commit("c1");
        _repo.Commit("c2");
        _repo.Commit("c3");
        _repo.Git("branch", "trunk");
        _repo.Git("checkout", "-q", "-b", "feature");
        _repo.Commit("f1");
        Assert.Equal(0, Profgate("store", "put", TestSets.Write(_temp.File("set"), "w"), "--commit", c1).ExitCode);

        var env = new Dictionary<string, string?> { ["GITHUB_BASE_REF"] = "trunk" };
        Assert.Equal(c1, Profgate(env, "store", "baseline").StdOut.Split('\n')[0]);

        _repo.Write(".profgate.yml", "baseline:\n  maxCommitsBack: 1\n");
        var limited = Profgate(env, "store", "baseline");
        Assert.Equal("none", limited.StdOut.Split('\n')[0]);
        Assert.Contains("and refs/heads/trunk or its 1 first-parent ancestors checked", limited.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_and_input_errors_are_one_line_and_exit_2()
    {
        _repo.Commit("c1");
        AssertError(Profgate("store", "prune"), "profgate: store prune: say what to remove with --keep N and/or --older-than AGE (e.g. --older-than 30d)");
        AssertError(Profgate("store", "prune", "--older-than", "soon"), "profgate: --older-than soon: expected a number and a unit, e.g. 30d, 12h, 90m or 2w");
        AssertError(Profgate("store", "put", TestSets.Write(_temp.File("s"), "w"), "--store", "github:"),
            "profgate: store put --store github:: the GitHub artifact store is read-only (the REST API cannot upload); the profgate action uploads sets with actions/upload-artifact");
        AssertError(Profgate("store", "get", "HEAD", "-o", _temp.File("o")), $"profgate: store get HEAD: no usable set for {_repo.Git("rev-parse", "HEAD")} group 'default' in local store {Path.Combine(_repo.Path, ".profgate", "store")}: no set stored for group 'default'");
        AssertError(Profgate("store", "put", _temp.File("nothing")), $"profgate: {_temp.File("nothing")}: no such ProfileSet folder; expected a folder written by 'profgate capture', 'profgate import' or 'profgate store get'");
        var noToken = Profgate(new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["GH_TOKEN"] = null, ["GITHUB_REPOSITORY"] = "o/r" }, "store", "list", "--store", "github:");
        AssertError(noToken, "profgate: --store github: needs a token to read artifacts; set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}) or pass --token");
    }

    [Fact]
    public void Prune_through_the_cli()
    {
        var c1 = _repo.Commit("c1");
        var c2 = _repo.Commit("c2");
        Profgate("store", "put", TestSets.Write(_temp.File("a"), "a"), "--commit", c1);
        Profgate("store", "put", TestSets.Write(_temp.File("b"), "b"), "--commit", c2);
        var result = Profgate("store", "prune", "--keep", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"removed {c1} group 'default'", result.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("removed 1 set(s); 1 left in " + Path.Combine(_repo.Path, ".profgate", "store") + "\n", result.StdOut, StringComparison.Ordinal);
    }

    [ContractFact]
    public void Baseline_and_get_from_github_artifacts_through_the_fake_api()
    {
        var c1 = _repo.Commit("c1");
        _repo.Git("checkout", "-q", "-b", "feature");
        _repo.Commit("f1");
        using var api = new FakeGitHubApi();
        var run = api.AddWorkflowRun(new FakeWorkflowRun { HeadSha = c1 });
        var dir = TestSets.Write(_temp.File("set"), "from-ci", group: "bench", commit: c1);
        using (var zip = new MemoryStream())
        {
            ZipFile.CreateFromDirectory(dir, zip);
            api.AddArtifact(run, $"profgate-{c1}-bench", zip.ToArray());
        }

        var env = new Dictionary<string, string?>
        {
            ["GITHUB_REPOSITORY"] = "octo/app",
            ["GITHUB_TOKEN"] = "secret-token",
            ["GITHUB_API_URL"] = api.BaseUrl,
            ["GITHUB_BASE_REF"] = "main",
        };
        var baseline = Profgate(env, "store", "baseline", "--store", "github:", "-g", "bench", "-o", _temp.File("base"));
        Assert.True(baseline.ExitCode == 0, baseline.StdErr);
        var lines = baseline.StdOut.Split('\n');
        Assert.Equal(c1, lines[0]);
        Assert.StartsWith($"baseline {c1} from artifact profgate-{c1}-bench (id ", lines[1], StringComparison.Ordinal);
        Assert.Equal("from-ci", ProfileSetReader.ReadManifest(_temp.File("base")).WriterId);
        Assert.Equal(("localhost", false), Assert.Single(api.BlobDownloads));

        var get = Profgate(env, "store", "get", c1, "-g", "bench", "-o", _temp.File("got"), "--store", "github:");
        Assert.True(get.ExitCode == 0, get.StdErr);
        var list = Profgate(env, "store", "list", "--store", "github:octo/app");
        Assert.StartsWith($"{c1}  bench  ", list.StdOut, StringComparison.Ordinal);
        Assert.Empty(GitHubContract.ForFake(api).Check(api));
    }

    private static void AssertError(ProcessRunner.Result result, string line)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(line + "\n", result.StdErr);
    }

    private ProcessRunner.Result Profgate(params string[] args) => ProfgateProcess.Run(_repo.Path, args, timeoutMs: 60_000);

    private ProcessRunner.Result Profgate(Dictionary<string, string?> env, params string[] args) => ProfgateProcess.Run(_repo.Path, args, env, timeoutMs: 60_000);
}
