using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>Writes a text file atomically (a temporary file beside it, then a rename), so a failure never leaves half an output.</summary>
internal static class AtomicText
{
    public static void Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new InputException($"{path}: cannot write the output file ({e.Message}); check -o/--out");
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
