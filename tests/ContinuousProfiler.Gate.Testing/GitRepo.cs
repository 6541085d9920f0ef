namespace ContinuousProfiler.Gate.Testing;

/// <summary>A real git repository in a temporary folder, for tests.</summary>
public sealed class GitRepo : IDisposable
{
    private readonly TempDir _dir;

    public GitRepo(string prefix = "profgate-git")
    {
        _dir = new TempDir(prefix);
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "test@example.invalid");
        Git("config", "user.name", "profgate test");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => _dir.Path;

    /// <summary>Runs git in the repository and returns trimmed stdout; throws on failure.</summary>
    public string Git(params string[] args)
    {
        var result = ProcessRunner.Run("git", args, Path, environment: new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0" });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {result.StdErr}");
        }

        return result.StdOut.Trim();
    }

    /// <summary>Writes a file (relative path) in the work tree.</summary>
    public void Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Stages everything and commits; returns the new SHA.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    public void Dispose() => _dir.Dispose();
}
