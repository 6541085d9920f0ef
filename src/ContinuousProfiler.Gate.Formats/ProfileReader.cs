using System.IO.Compression;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>
/// Reads a profile of any supported format: un-gzips when needed (with a size cap against gzip
/// bombs), detects the format by content and hands the bytes to the matching importer.
/// </summary>
public static class ProfileReader
{
    /// <summary>The default cap on a decompressed input (1 GiB).</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private const int ProbeLength = 4096;

    /// <summary>Reads a profile file.</summary>
    public static Profile Read(string path, long maxBytes = DefaultMaxBytes)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message})");
        }

        using (stream)
        {
            return Read(stream, path, maxBytes);
        }
    }

    /// <summary>Reads a profile from a stream; <paramref name="source"/> names it in messages.</summary>
    public static Profile Read(Stream input, string source, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAll(input, source, maxBytes);
        if (bytes.Length == 0)
        {
            throw new InputException($"{source}: the file is empty; expected a profile with samples (pprof, folded, perf script, speedscope, Chrome .cpuprofile or .nettrace); a profiler that stops before its first sample leaves such a file, so give the profiled run more work");
        }

        var head = bytes.AsSpan(0, (int)Math.Min(bytes.Length, ProbeLength));
        foreach (var importer in FormatRegistry.Importers)
        {
            if (importer.CanRead(head))
            {
                // publiclyVisible lets importers use the bytes in place (MemoryStream.TryGetBuffer).
                using var memory = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
                var profile = importer.Import(memory, source);
                return profile.Metadata.Source is null
                    ? profile.WithMetadata(profile.Metadata with { Source = source })
                    : profile;
            }
        }

        if (IsOnlyComments(bytes))
        {
            throw new InputException($"{source}: no samples, only blank and '#' comment lines; expected a profile with samples (folded stacks, perf script text, …); a profiler that stops before its first sample leaves such a file, so give the profiled run more work");
        }

        throw new InputException($"{source}: unrecognized profile format; expected pprof protobuf (optionally gzipped), folded stacks, perf script text, speedscope JSON, Chrome .cpuprofile or .nettrace");
    }

    // Text whose every line is blank or a '#' comment: a folded or perf script file without a single record.
    private static bool IsOnlyComments(byte[] bytes)
    {
        var text = Text.TextProbe.Decode(bytes);
        return text is not null && text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#'));
    }

    /// <summary>Reads all bytes, un-gzipping (repeatedly, as pprof allows) and enforcing the cap.</summary>
    public static byte[] ReadAll(Stream input, string source, long maxBytes = DefaultMaxBytes)
    {
        var raw = Copy(input, source, maxBytes, compressed: false);
        while (raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            var decompressed = Copy(gzip, source, maxBytes, compressed: true);
            GzipTrailer.Verify(raw, decompressed, source);
            raw = decompressed;
        }

        return raw;
    }

    private static byte[] Copy(Stream input, string source, long maxBytes, bool compressed)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new InputException(compressed
                        ? $"{source}: gzip data expands past {maxBytes:N0} bytes; refusing it as a possible gzip bomb (expected a profile under that size)"
                        : $"{source}: the file is larger than {maxBytes:N0} bytes; expected a profile under that size");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{source}: corrupt or truncated gzip data ({e.Message}); expected a complete gzip file");
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"{source}: truncated gzip data ({e.Message}); expected a complete gzip file");
        }

        return buffer.ToArray();
    }
}
