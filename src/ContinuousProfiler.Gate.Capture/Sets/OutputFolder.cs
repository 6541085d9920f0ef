using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Store.Sets;

namespace ContinuousProfiler.Gate.Capture.Sets;

/// <summary>Checks before any run that the set can be written there, so a long capture does not fail at the end.</summary>
public static class OutputFolder
{
    public static void CheckWritable(string fullPath, string shown)
    {
        if (File.Exists(fullPath))
        {
            throw new InputException($"--out {shown}: a file is in the way; expected a folder for the ProfileSet");
        }

        if (Directory.Exists(fullPath) && Directory.EnumerateFileSystemEntries(fullPath).Any() && !ProfileSetReader.IsProfileSet(fullPath))
        {
            throw new InputException($"--out {shown}: the folder exists and is not a ProfileSet; refusing to overwrite it; choose an empty or new folder");
        }

        var parent = Path.GetDirectoryName(fullPath.TrimEnd(Path.DirectorySeparatorChar)) ?? fullPath;
        var probe = Path.Combine(parent, $".profgate-write-probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--out {shown}: cannot write there ({e.Message}); choose a writable folder");
        }
    }
}
