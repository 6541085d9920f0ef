using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.EndToEnd;

/// <summary>
/// <c>profgate local</c> on a real repository: a committed slowdown and an uncommitted one fail and name the
/// function, no change passes, the base set is reused from the store, and the base worktree never outlives
/// the run.
/// </summary>
public sealed class LocalCommandTests
{
    [Fact]
    public void A_committed_slowdown_fails_and_names_the_function()
    {
        using var workload = new WorkloadRepo();
        var baseCommit = workload.Repo.Commit("workload");
        workload.SetSlowdown(4);
        workload.Repo.Commit("slow hashing");

        var sets = Path.Combine(workload.Temp, "sets");
        var run = workload.Profgate(["local", "--base", "HEAD~1", "--repeat", "3", "--timing-runs", "3", "--sets-out", sets, "--", .. WorkloadRepo.Command]);

        Assert.True(run.ExitCode == 1, Describe(run));
        Assert.Contains("profiling base and head alternately, 3 run(s) each", run.StdErr, StringComparison.Ordinal);
        var failures = run.StdOut.Split('\n').Where(l => l.TrimStart().StartsWith("fail ", StringComparison.Ordinal)).ToList();
        Assert.Single(failures, l => l.Contains("Work.", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("Work.Hashing", StringComparison.Ordinal));
        foreach (var side in new[] { "base", "head" })
        {
            var scenario = Assert.Single(ProfileSetReader.ReadManifest(Path.Combine(sets, side)).Scenarios);
            Assert.Equal(3, scenario.Runs.Length);
            Assert.Equal(3, scenario.Timings.Length);
        }

        Directory.Delete(sets, recursive: true);
        var report = Path.Combine(workload.Path, ".profgate", "reports", "local.html");
        Assert.Contains($"profgate: HTML report {report}", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Work.Hashing", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(workload.Path, ".profgate", "store", baseCommit, "local")), "the base set was not stored under its commit");
        Assert.Equal("", workload.Repo.Git("status", "--porcelain"));
        Assert.Equal(1, workload.Worktrees);
        Assert.Empty(workload.Leftovers);
    }

    [Fact]
    public void No_change_passes_then_an_uncommitted_slowdown_fails_against_the_stored_base()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Commit("workload");

        var clean = workload.Profgate(["local", "--base", "HEAD", "--repeat", "3", "--", .. WorkloadRepo.Command]);
        Assert.True(clean.ExitCode == 0, Describe(clean));
        Assert.Contains("profgate: verdict pass (0 failures", clean.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("using the stored profiles", clean.StdErr, StringComparison.Ordinal);

        workload.SetSlowdown(4);
        var dirty = workload.Profgate(["local", "--base", "HEAD", "--repeat", "3", "--", .. WorkloadRepo.Command]);

        Assert.True(dirty.ExitCode == 1, Describe(dirty));
        Assert.Contains("with uncommitted changes", dirty.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"base [0-9a-f]{7}: using the stored profiles \(captured \d{4}-\d\d-\d\d \d\d:\d\d UTC\); profiling the head side only", dirty.StdErr);
        Assert.DoesNotContain("profiling base and head alternately", dirty.StdErr, StringComparison.Ordinal);
        var failure = Assert.Single(dirty.StdOut.Split('\n'), l => l.TrimStart().StartsWith("fail ", StringComparison.Ordinal));
        Assert.Contains("Work.Hashing", failure, StringComparison.Ordinal);
        Assert.Equal(1, workload.Worktrees);
        Assert.Empty(workload.Leftovers);
    }

    [Fact]
    public void A_failing_command_runs_in_the_same_subfolder_of_the_base_worktree_exits_2_and_leaves_no_worktree()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Commit("workload");
        var where = Path.Combine(workload.Temp, "where.txt");

        var run = workload.ProfgateIn("app", "local", "--base", "HEAD", "--profiler", "dotnet", "--", "sh", "-c", $"pwd > '{where}'; echo broken >&2; exit 3");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"profgate: base side \(in .+/app\): profiled command failed \(exit 3\)", run.StdErr);
        var directory = File.ReadAllText(where).Trim();
        Assert.StartsWith(Path.Combine(workload.Temp, "profgate-base-"), directory, StringComparison.Ordinal);
        Assert.EndsWith("/app", directory, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
        Assert.Equal(1, workload.Worktrees);
        Assert.Empty(workload.Leftovers);
    }

    [Fact]
    public void Without_a_command_or_config_it_is_a_usage_error()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Commit("workload");

        var run = workload.Profgate("local", "--base", "HEAD");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("profgate: local: no command given; put it after '--' (e.g. profgate local -- dotnet run -c Release --project bench/Foo) or set local.command in .profgate.yml\n", run.StdErr);
        Assert.Equal(1, workload.Worktrees);
    }

    internal static string Describe(ProcessRunner.Result run) => $"exit {run.ExitCode}\n--- stdout\n{run.StdOut}\n--- stderr\n{run.StdErr}";
}
