using System.Runtime.InteropServices;

namespace ContinuousProfiler.Gate.Local;

/// <summary>
/// A temporary, detached git worktree of the base commit. Removed on dispose, and also when the
/// process is interrupted (SIGINT/SIGTERM), so no stray worktree is left behind.
/// </summary>
public sealed class BaseWorktree : IDisposable
{
    private readonly string _repository;
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _disposed;

    private BaseWorktree(string repository, string path)
    {
        _repository = repository;
        Path = path;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Dispose()));
        }
    }

    /// <summary>The worktree folder.</summary>
    public string Path { get; }

    /// <summary>Checks <paramref name="commit"/> out into a new temporary worktree.</summary>
    public static BaseWorktree Create(string repository, string commit)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"profgate-base-{commit[..Math.Min(12, commit.Length)]}-{Guid.NewGuid():N}"[..60]);
        GitCommand.Run(repository, "worktree", "add", "--detach", "--quiet", path, commit);
        return new BaseWorktree(repository, path);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        GitCommand.TryRun(_repository, "worktree", "remove", "--force", Path);
        if (Directory.Exists(Path))
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        GitCommand.TryRun(_repository, "worktree", "prune");
    }
}
