using System.IO.Compression;
using ContinuousProfiler.Gate.Core;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>
/// Gzip handling in <see cref="ProfileReader"/> that pprof files depend on: .NET decompresses a
/// truncated stream silently, so the trailer is checked; concatenated members stay readable.
/// </summary>
public sealed class GzipInputTests
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 % 251))];

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void TruncatedGzipIsRejected(double keep)
    {
        var gz = Gzip(Data);
        var cut = gz[..(int)(gz.Length * keep)];
        var error = Assert.Throws<InputException>(() => ProfileReader.ReadAll(new MemoryStream(cut), "cut.pb.gz"));
        Assert.StartsWith("cut.pb.gz: truncated gzip data (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteAndConcatenatedMembersAreRead()
    {
        Assert.Equal(Data, ProfileReader.ReadAll(new MemoryStream(Gzip(Data)), "one.gz"));
        var two = Gzip(Data[..1000]).Concat(Gzip(Data[1000..])).ToArray();
        Assert.Equal(Data, ProfileReader.ReadAll(new MemoryStream(two), "two.gz"));
    }

    [Fact]
    public void DecompressedSizeIsCapped()
    {
        var error = Assert.Throws<InputException>(() => ProfileReader.ReadAll(new MemoryStream(Gzip(new byte[3_000_000])), "bomb.gz", maxBytes: 1_000_000));
        Assert.Contains("refusing it as a possible gzip bomb", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
