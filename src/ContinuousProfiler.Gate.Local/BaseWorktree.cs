using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Git;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// A temporary, detached git worktree of the base commit, removed on dispose. Created with an
/// <see cref="Interruption"/>, a signal unwinds the caller to that dispose (and a second signal removes it
/// at once), so no stray worktree is left behind.
/// </summary>
public sealed class BaseWorktree : IDisposable
{
    private readonly GitRepository _repository;
    private readonly IDisposable? _forcedExit;
    private int _disposed;

    private BaseWorktree(GitRepository repository, string path, Interruption? interruption)
    {
        _repository = repository;
        Path = path;
        _forcedExit = interruption?.AtForcedExit(Dispose);
    }

    /// <summary>The worktree folder.</summary>
    public string Path { get; }

    /// <summary>Checks <paramref name="commit"/> out into a new temporary worktree.</summary>
    public static BaseWorktree Create(GitRepository repository, string commit, Interruption? interruption = null)
    {
        var name = $"profgate-base-{commit[..Math.Min(12, commit.Length)]}-{Guid.NewGuid():N}"[..40];
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        var result = repository.Git(["worktree", "add", "--detach", "--quiet", path, commit]);
        if (result.ExitCode != 0)
        {
            TryDelete(path);
            var why = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? $"exit {result.ExitCode}";
            throw new InputException($"cannot check out the base {commit[..Math.Min(12, commit.Length)]} into a temporary worktree: git worktree add failed: {why}");
        }

        return new BaseWorktree(repository, path, interruption);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _forcedExit?.Dispose();
        _repository.Git(["worktree", "remove", "--force", Path]);
        TryDelete(Path);
        _repository.Git(["worktree", "prune"]);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
