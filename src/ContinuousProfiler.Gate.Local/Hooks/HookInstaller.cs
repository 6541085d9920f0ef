using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Local.Hooks;

/// <summary>
/// Installs and removes profgate's git pre-push hook. An existing hook of someone else is kept
/// (renamed to <c>pre-push.profgate-chained</c> and run first), but only with <c>--force</c>.
/// </summary>
public sealed class HookInstaller
{
    private readonly string _hooksDirectory;

    /// <summary>Works on the given hooks folder (from <c>git rev-parse --git-path hooks</c>).</summary>
    public HookInstaller(string hooksDirectory) => _hooksDirectory = hooksDirectory;

    private string HookPath => Path.Combine(_hooksDirectory, "pre-push");

    private string ChainedPath => HookPath + HookScript.ChainedSuffix;

    /// <summary>Installs the hook; returns what was done, one line.</summary>
    public string Install(string profgateCommand, bool force)
    {
        Directory.CreateDirectory(_hooksDirectory);
        var message = $"installed the pre-push hook at {HookPath}";
        if (File.Exists(HookPath))
        {
            var existing = File.ReadAllText(HookPath);
            if (HookScript.IsOurs(existing))
            {
                if (!force)
                {
                    throw new InputException($"{HookPath}: the profgate pre-push hook is already installed; use --force to rewrite it");
                }

                message = $"rewrote the pre-push hook at {HookPath}";
            }
            else
            {
                if (!force)
                {
                    throw new InputException($"{HookPath}: a pre-push hook already exists; rerun with --force to keep it (it will run first, from pre-push{HookScript.ChainedSuffix}) and add profgate's check after it");
                }

                if (File.Exists(ChainedPath))
                {
                    throw new InputException($"{ChainedPath} already exists; move it away before installing again");
                }

                File.Move(HookPath, ChainedPath);
                message = $"installed the pre-push hook at {HookPath}; the previous hook runs first from {ChainedPath}";
            }
        }

        AtomicFile.WriteText(HookPath, HookScript.Render(profgateCommand), "pre-push hook",
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return message;
    }

    /// <summary>Removes only what <see cref="Install"/> wrote, restoring a chained hook; returns what was done.</summary>
    public string Uninstall()
    {
        if (!File.Exists(HookPath) || !HookScript.IsOurs(File.ReadAllText(HookPath)))
        {
            throw new InputException($"{HookPath}: no profgate pre-push hook is installed there; nothing removed");
        }

        File.Delete(HookPath);
        if (File.Exists(ChainedPath))
        {
            File.Move(ChainedPath, HookPath);
            return $"removed profgate's pre-push hook and restored the previous one at {HookPath}";
        }

        return $"removed profgate's pre-push hook from {HookPath}";
    }
}
