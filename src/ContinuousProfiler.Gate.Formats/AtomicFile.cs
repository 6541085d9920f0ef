using System.Text;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>
/// The one way profgate writes an output file: into a temporary file beside it, flushed to disk, then renamed
/// over the target, so a reader sees the old file or the whole new one, never half of one. On any failure the
/// temporary file is removed; a path that cannot be written is an <see cref="InputException"/> of one line.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes bytes through <paramref name="write"/>; <paramref name="what"/> names the file in errors ("report", "profile", …).</summary>
    public static void Write(string path, Action<Stream> write, string what = "output file", UnixFileMode? mode = null)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, unixMode);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InputException($"{path}: cannot write the {what} ({e.Message}); expected a writable path: check the folder exists or can be created and that you may write there");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes UTF-8 text (no byte-order mark, <c>\n</c> line ends) through <paramref name="write"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write, string what = "output file", UnixFileMode? mode = null) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        }, what, mode);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark).</summary>
    public static void WriteText(string path, string text, string what = "output file", UnixFileMode? mode = null) =>
        WriteText(path, writer => writer.Write(text), what, mode);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
