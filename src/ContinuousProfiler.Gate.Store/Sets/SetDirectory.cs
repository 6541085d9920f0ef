using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>
/// Puts a folder in place atomically: its content is written into a hidden temporary sibling
/// (<c>.name.tmp-…</c>), which is then renamed to the target. A reader never sees a half-written folder.
/// </summary>
public static class SetDirectory
{
    /// <summary>The prefix of temporary and retired folders; readers and listings skip names starting with it.</summary>
    public const string HiddenPrefix = ".";

    /// <summary>
    /// Fills a fresh temporary folder with <paramref name="fill"/> and renames it to <paramref name="target"/>.
    /// An existing ProfileSet or empty folder at the target is replaced; any other non-empty folder is refused.
    /// </summary>
    public static void Publish(string target, Action<string> fill)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new InputException($"{target}: cannot write a set at a filesystem root; choose a folder");
        var name = Path.GetFileName(full);
        var temp = Path.Combine(parent, $"{HiddenPrefix}{name}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
            fill(temp);
            MoveIntoPlace(temp, full, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InputException($"{target}: cannot write the ProfileSet folder ({e.Message}); check the path and permissions");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes a folder tree, ignoring one that is already gone or busy.</summary>
    public static void TryDelete(string path)
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

    private static void MoveIntoPlace(string temp, string full, string shown)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!Directory.Exists(full))
            {
                try
                {
                    Directory.Move(temp, full);
                    return;
                }
                catch (IOException) when (attempt < 3 && Directory.Exists(full))
                {
                    continue; // another writer placed it first: replace theirs below
                }
            }

            if (Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, ProfileSetWriter.ManifestFileName)))
            {
                throw new InputException($"{shown}: the folder exists and is not a ProfileSet; refusing to overwrite it; choose an empty or new folder");
            }

            var retired = Path.Combine(Path.GetDirectoryName(full)!, $"{HiddenPrefix}{Path.GetFileName(full)}.old-{Guid.NewGuid():N}");
            try
            {
                Directory.Move(full, retired);
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
                continue;
            }

            try
            {
                Directory.Move(temp, full);
            }
            catch (IOException) when (attempt < 3)
            {
                TryDelete(retired);
                continue;
            }

            TryDelete(retired);
            return;
        }
    }
}
