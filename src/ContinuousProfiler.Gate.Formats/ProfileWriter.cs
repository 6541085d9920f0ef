using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>Writes a profile to a file atomically: a temporary file next to it, then a rename.</summary>
public static class ProfileWriter
{
    /// <summary>Writes <paramref name="profile"/> with <paramref name="exporter"/> to <paramref name="path"/>.</summary>
    public static void Write(Profile profile, IProfileExporter exporter, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(temp))
            {
                exporter.Export(profile, stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InputException($"{path}: cannot write the output file ({e.Message})");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
