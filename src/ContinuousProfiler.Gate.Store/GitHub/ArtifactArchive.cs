using System.IO.Compression;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Store.GitHub;

/// <summary>Caps for unpacking a downloaded artifact.</summary>
/// <param name="MaxArchiveBytes">Largest zip accepted (download size).</param>
/// <param name="MaxUnpackedBytes">Largest total of unpacked file bytes (counted as written, not as declared).</param>
/// <param name="MaxFiles">Most entries accepted.</param>
public sealed record ArchiveLimits(long MaxArchiveBytes = 512L << 20, long MaxUnpackedBytes = 2L << 30, int MaxFiles = 10_000);

/// <summary>
/// Unpacks an artifact zip into a folder safely: no entry may leave the folder (<c>..</c>, absolute paths,
/// drive letters), and the file count and unpacked bytes are capped, so a hostile zip can neither
/// overwrite files elsewhere nor fill the disk.
/// </summary>
public static class ArtifactArchive
{
    /// <summary>Unpacks <paramref name="zip"/> (a seekable stream) into <paramref name="target"/>, which must exist.</summary>
    public static void Extract(Stream zip, string target, ArchiveLimits limits, string source)
    {
        var root = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{source}: not a valid zip archive ({e.Message}); expected the artifact uploaded by actions/upload-artifact");
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxFiles)
            {
                throw new InputException($"{source}: the archive has {archive.Entries.Count:N0} entries, more than the {limits.MaxFiles:N0} allowed; refusing it");
            }

            long total = 0;
            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var segments = name.Split('/');
                if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || segments.Any(s => s == ".."))
                {
                    throw new InputException($"{source}: archive entry '{entry.FullName}' would be written outside the target folder; refusing the artifact");
                }

                var path = Path.GetFullPath(Path.Combine(root, name));
                if (!path.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new InputException($"{source}: archive entry '{entry.FullName}' would be written outside the target folder; refusing the artifact");
                }

                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                if (!written.Add(path))
                {
                    throw new InputException($"{source}: archive entry '{entry.FullName}' appears twice; refusing the artifact");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                total = Copy(entry, path, total, limits.MaxUnpackedBytes, source);
            }
        }
    }

    private static long Copy(ZipArchiveEntry entry, string path, long total, long cap, string source)
    {
        try
        {
            using var input = entry.Open();
            using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    throw new InputException($"{source}: the archive unpacks to more than {cap:N0} bytes; refusing it as a possible zip bomb");
                }

                output.Write(buffer, 0, read);
            }

            return total;
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{source}: corrupt archive entry '{entry.FullName}' ({e.Message})");
        }
    }
}
