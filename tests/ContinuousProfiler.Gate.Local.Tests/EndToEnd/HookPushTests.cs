using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.EndToEnd;

/// <summary>A real <c>git push</c> through the installed hook, which runs <c>profgate local --hook</c>.</summary>
public sealed class HookPushTests
{
    [Fact]
    public void A_push_with_a_slowdown_is_blocked_by_the_configured_local_command()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Write(".profgate.yml", $"local:\n  command: {string.Join(' ', WorkloadRepo.Command)}\n  repeat: 3\n");
        var baseCommit = workload.Repo.Commit("workload");
        using var remote = Remote(workload);
        Assert.Equal(0, workload.Profgate("hook", "install").ExitCode);
        workload.SetSlowdown(4);
        workload.Repo.Commit("slow hashing");

        var push = ProcessRunner.Run("git", ["push", "origin", "main"], workload.Path, environment: WorkloadRepo.Environment(workload.Temp));

        var output = push.StdOut + push.StdErr;
        Assert.True(push.ExitCode != 0, output);
        Assert.Contains("merge-base of HEAD and origin/main", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("fail ", StringComparison.Ordinal) && l.Contains("Work.Hashing", StringComparison.Ordinal));
        Assert.Contains("push blocked by a performance regression", output, StringComparison.Ordinal);
        Assert.Equal(baseCommit, ProcessRunner.Run("git", ["rev-parse", "main"], remote.Path).StdOut.Trim());
        Assert.Equal(1, workload.Worktrees);
        Assert.Empty(workload.Leftovers);
    }

    [Fact]
    public void A_push_in_a_repository_without_local_command_is_not_blocked()
    {
        using var workload = new WorkloadRepo();
        workload.Repo.Commit("workload");
        using var remote = Remote(workload);
        Assert.Equal(0, workload.Profgate("hook", "install").ExitCode);
        var head = workload.Repo.Commit("more");

        var push = ProcessRunner.Run("git", ["push", "origin", "main"], workload.Path, environment: WorkloadRepo.Environment(workload.Temp));

        Assert.True(push.ExitCode == 0, push.StdOut + push.StdErr);
        Assert.Contains("profgate: pre-push check skipped: no local.command in .profgate.yml", push.StdErr, StringComparison.Ordinal);
        Assert.Equal(head, ProcessRunner.Run("git", ["rev-parse", "main"], remote.Path).StdOut.Trim());
    }

    // A bare remote with main pushed (check skipped), so origin/main is the base of the next push.
    private static TempDir Remote(WorkloadRepo workload)
    {
        var remote = new TempDir("profgate-remote");
        ProcessRunner.Run("git", ["init", "-q", "--bare", remote.Path]);
        workload.Repo.Git("remote", "add", "origin", remote.Path);
        workload.Repo.Git("push", "-q", "-u", "origin", "main");
        return remote;
    }
}
