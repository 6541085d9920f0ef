using System.Diagnostics;
using System.Text;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Store.Git;

/// <summary>
/// The few git questions the store asks, answered by running the <c>git</c> executable in a working
/// tree (no libgit2: the user's git understands their repository, worktrees and shallow clones).
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The top of the working tree.</summary>
    public string Root { get; }

    /// <summary>Opens the repository containing <paramref name="directory"/>, or returns null when it is not in one.</summary>
    public static GitRepository? TryOpen(string directory)
    {
        var result = Run(directory, ["rev-parse", "--show-toplevel"]);
        return result.ExitCode == 0 ? new GitRepository(result.Output.Trim()) : null;
    }

    /// <summary>Opens the repository containing <paramref name="directory"/> or throws a usage error.</summary>
    public static GitRepository Open(string directory) =>
        TryOpen(directory) ?? throw new InputException($"{directory}: not inside a git repository; run profgate from your repository or pass --store PATH");

    /// <summary>The full SHA of a revision, or null when it does not name a commit.</summary>
    public string? TryResolve(string revision)
    {
        if (revision.StartsWith('-'))
        {
            return null;
        }

        var result = Git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>The full SHA of a revision or a usage error naming it.</summary>
    public string Resolve(string revision, string what) =>
        TryResolve(revision) ?? throw new InputException($"{what} '{revision}' is not a commit in {Root}; give a commit SHA, branch or tag (fetch it first if it only exists on the remote)");

    /// <summary>True when <paramref name="reference"/> (e.g. <c>refs/remotes/origin/main</c>) exists.</summary>
    public bool HasRef(string reference) => Git(["show-ref", "--verify", "--quiet", reference]).ExitCode == 0;

    /// <summary>The merge-base of two commits, or null when they share no history (as far as this clone knows).</summary>
    public string? MergeBase(string a, string b)
    {
        var result = Git(["merge-base", a, b]);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>
    /// <paramref name="commit"/> followed by up to <paramref name="count"/> - 1 first-parent ancestors,
    /// nearest first.
    /// </summary>
    public IReadOnlyList<string> FirstParentChain(string commit, int count)
    {
        var result = Git(["rev-list", "--first-parent", $"--max-count={count}", commit]);
        if (result.ExitCode != 0)
        {
            throw new InputException($"git rev-list failed in {Root}: {result.Error.Trim()}");
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>True when this clone is shallow (history cut off).</summary>
    public bool IsShallow => Git(["rev-parse", "--is-shallow-repository"]).Output.Trim() == "true";

    /// <summary>The names of the configured remotes.</summary>
    public IReadOnlyList<string> Remotes =>
        Git(["remote"]).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Deepens a shallow clone by <paramref name="commits"/> commits; returns git's error text, or null on success.</summary>
    public string? Deepen(string remote, int commits)
    {
        var result = Git(["fetch", "--quiet", "--no-tags", $"--deepen={commits}", remote]);
        return result.ExitCode == 0 ? null : result.Error.Trim();
    }

    /// <summary>The branch <c>origin/HEAD</c> points to (the remote's default branch), or null.</summary>
    public string? RemoteDefaultBranch(string remote)
    {
        var result = Git(["symbolic-ref", "--quiet", "--short", $"refs/remotes/{remote}/HEAD"]);
        var name = result.Output.Trim();
        return result.ExitCode == 0 && name.StartsWith(remote + "/", StringComparison.Ordinal) ? name[(remote.Length + 1)..] : null;
    }

    /// <summary>The absolute path of a file in the git directory (works in worktrees), e.g. <c>info/exclude</c>.</summary>
    public string GitPath(string relative)
    {
        var result = Git(["rev-parse", "--git-path", relative]);
        var path = result.Output.Trim();
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));
    }

    /// <summary>Runs git in this repository.</summary>
    public GitResult Git(IReadOnlyList<string> args) => Run(Root, args);

    /// <summary>Runs git in <paramref name="directory"/> with prompts and pagers disabled.</summary>
    public static GitResult Run(string directory, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InputException("git: could not start; install git and make sure it is on PATH");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InputException($"git: could not start ({e.Message}); install git and make sure it is on PATH");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.Result);
        }
    }
}

/// <summary>What one git invocation printed.</summary>
/// <param name="ExitCode">git's exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record GitResult(int ExitCode, string Output, string Error);
