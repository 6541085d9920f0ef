using System.Buffers.Binary;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>
/// Detects truncated gzip input, which .NET's <c>GZipStream</c> decompresses silently as far as it
/// goes. A complete gzip member ends with CRC-32 and the uncompressed size (mod 2^32); the last
/// member's trailer must describe the end of the decompressed data.
/// </summary>
internal static class GzipTrailer
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Throws when <paramref name="compressed"/> does not end with a trailer matching <paramref name="decompressed"/>.</summary>
    public static void Verify(ReadOnlySpan<byte> compressed, ReadOnlySpan<byte> decompressed, string source)
    {
        if (compressed.Length >= 18)
        {
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^8..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^4..]);
            if (size == (uint)decompressed.Length)
            {
                return;
            }

            // Several concatenated members: the last trailer covers a suffix of the output.
            if (size < decompressed.Length && Crc32(decompressed[^(int)size..]) == crc)
            {
                return;
            }
        }

        throw new InputException($"{source}: truncated gzip data (the stream stops after {decompressed.Length:N0} decompressed bytes without a matching gzip trailer); expected a complete gzip file");
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
