using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests;

public sealed class HookTests
{
    [Fact]
    public void Install_writes_an_executable_hook_that_calls_this_profgate_and_uninstall_removes_it()
    {
        using var repo = new GitRepo();
        repo.Commit("init");

        var install = ProfgateProcess.Run(repo.Path, "hook", "install");
        Assert.True(install.ExitCode == 0, install.StdErr);
        var hook = System.IO.Path.Combine(repo.Path, ".git/hooks/pre-push");
        var text = File.ReadAllText(hook);
        Assert.Contains("profgate pre-push hook", text, StringComparison.Ordinal);
        Assert.Contains(ProfgateProcess.Dll, text, StringComparison.Ordinal);
        Assert.Contains(" local --hook", text, StringComparison.Ordinal);
        Assert.True((File.GetUnixFileMode(hook) & UnixFileMode.UserExecute) != 0);

        var again = ProfgateProcess.Run(repo.Path, "hook", "install");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already installed; use --force", again.StdErr, StringComparison.Ordinal);

        var uninstall = ProfgateProcess.Run(repo.Path, "hook", "uninstall");
        Assert.True(uninstall.ExitCode == 0, uninstall.StdErr);
        Assert.False(File.Exists(hook));
        Assert.Equal(2, ProfgateProcess.Run(repo.Path, "hook", "uninstall").ExitCode);
    }

    [Fact]
    public void An_existing_hook_is_kept_only_with_force_chained_first_and_restored_on_uninstall()
    {
        using var repo = new GitRepo();
        repo.Commit("init");
        var hook = System.IO.Path.Combine(repo.Path, ".git/hooks/pre-push");
        const string mine = "#!/bin/sh\necho mine-ran >> \"$(git rev-parse --git-dir)/mine.log\"\ncat >> \"$(git rev-parse --git-dir)/mine.log\"\n";
        File.WriteAllText(hook, mine);
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var refused = ProfgateProcess.Run(repo.Path, "hook", "install");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("a pre-push hook already exists", refused.StdErr, StringComparison.Ordinal);
        Assert.Equal(mine, File.ReadAllText(hook));

        Assert.Equal(0, ProfgateProcess.Run(repo.Path, "hook", "install", "--force").ExitCode);
        Assert.Equal(mine, File.ReadAllText(hook + ".profgate-chained"));

        // A real push runs the chained hook first (with the refs on stdin); the variable skips profgate's check.
        using var remote = new TempDir("profgate-remote");
        ProcessRunner.Run("git", ["init", "-q", "--bare", remote.Path]);
        repo.Git("remote", "add", "origin", remote.Path);
        var push = ProcessRunner.Run("git", ["push", "-q", "origin", "main"], repo.Path,
            environment: new Dictionary<string, string?> { ["PROFGATE_SKIP_HOOK"] = "1" });
        Assert.True(push.ExitCode == 0, push.StdErr);
        Assert.Contains("pre-push check skipped", push.StdErr, StringComparison.Ordinal);
        var log = File.ReadAllText(System.IO.Path.Combine(repo.Path, ".git/mine.log"));
        Assert.StartsWith("mine-ran\nrefs/heads/main ", log, StringComparison.Ordinal);

        Assert.Equal(0, ProfgateProcess.Run(repo.Path, "hook", "uninstall").ExitCode);
        Assert.Equal(mine, File.ReadAllText(hook));
        Assert.False(File.Exists(hook + ".profgate-chained"));
    }

    [Fact]
    public void A_failing_chained_hook_blocks_the_push_before_profgate_runs()
    {
        using var repo = new GitRepo();
        repo.Commit("init");
        var hook = System.IO.Path.Combine(repo.Path, ".git/hooks/pre-push");
        File.WriteAllText(hook, "#!/bin/sh\necho 'lint failed' >&2\nexit 3\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(0, ProfgateProcess.Run(repo.Path, "hook", "install", "--force").ExitCode);

        using var remote = new TempDir("profgate-remote");
        ProcessRunner.Run("git", ["init", "-q", "--bare", remote.Path]);
        repo.Git("remote", "add", "origin", remote.Path);
        var push = ProcessRunner.Run("git", ["push", "-q", "origin", "main"], repo.Path);

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("lint failed", push.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("profgate: ", push.StdErr, StringComparison.Ordinal);
    }
}
