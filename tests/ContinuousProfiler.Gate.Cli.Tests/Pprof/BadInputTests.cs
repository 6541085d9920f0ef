using System.IO.Compression;
using System.Text;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Pprof;

/// <summary>
/// Broken inputs through the CLI: exit code 2, one stderr line that names the file, nothing on
/// stdout and no output file (not even a temporary one).
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "empty", "the file is empty" },
        { "truncated-gzip", "truncated gzip data" },
        { "corrupt-gzip", "corrupt or truncated gzip data" },
        { "corrupt-protobuf", "corrupt or truncated pprof protobuf" },
        { "other-format", "unrecognized profile format" },
        { "gzip-bomb", "refusing it as a possible gzip bomb" },
        { "absurd-string-index", "refers to string index 123456789 but the string table has 3 entries" },
        { "non-utf8-name", "function 1 name (string index 3) is not valid UTF-8" },
        { "legacy-heap", "convert with: go tool pprof -proto" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TopExitsWithTwoAndOneLineNamingTheFile(string name, string expected)
    {
        using var temp = new TempDir();
        var input = Write(temp, name);
        var result = CliRun.Run(Environment(), "top", input);
        AssertOneLineError(result, input, expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvertExitsWithTwoAndWritesNothing(string name, string expected)
    {
        using var temp = new TempDir();
        var input = Write(temp, name);
        var outDir = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(outDir);
        var result = CliRun.Run(Environment(), "convert", input, "-o", Path.Combine(outDir, "result.pb.gz"));
        AssertOneLineError(result, input, expected);
        Assert.Empty(Directory.GetFileSystemEntries(outDir));
    }

    /// <summary>A small cap so the gzip-bomb test needs only a few MB.</summary>
    private static Dictionary<string, string> Environment() => new() { [InputLimits.Variable] = "1000000" };

    private static void AssertOneLineError(CliRun.Result result, string input, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"profgate: {input}: ", line, StringComparison.Ordinal);
        Assert.True(line.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in: {line}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static string Write(TempDir temp, string name)
    {
        var path = temp.File(name + ".pb.gz");
        File.WriteAllBytes(path, name switch
        {
            "empty" => [],
            "truncated-gzip" => Gzip(ValidProfile())[..40],
            "corrupt-gzip" => [.. Gzip(ValidProfile())[..10], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            "corrupt-protobuf" => Gzip(ValidProfile()[..^2]),
            "other-format" => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52],
            "gzip-bomb" => Gzip(new byte[5_000_000]),
            "absurd-string-index" => Profile(["", "cpu", "nanoseconds"], functionName: 123456789),
            "non-utf8-name" => Profile(["", "cpu", "nanoseconds", "x"], functionName: 3, rawLast: [0x6d, 0xc3, 0x28]),
            "legacy-heap" => Encoding.ASCII.GetBytes("heap profile: 1: 2 [3: 4] @ heap/1048576\n1: 2 [3: 4] @ 0x1\n"),
            _ => throw new ArgumentException(name),
        });
        return path;
    }

    private static byte[] ValidProfile() => Profile(["", "cpu", "nanoseconds", "main"], functionName: 3);

    /// <summary>One sample type cpu/nanoseconds, one function, one location, one sample.</summary>
    private static byte[] Profile(string[] strings, long functionName, byte[]? rawLast = null)
    {
        var bytes = new List<byte>();
        void Tag(int field, int wire) => Varint(bytes, (ulong)((field << 3) | wire));
        void Message(int field, byte[] body)
        {
            Tag(field, 2);
            Varint(bytes, (ulong)body.Length);
            bytes.AddRange(body);
        }

        Message(1, [0x08, 0x01, 0x10, 0x02]);
        var function = new List<byte> { 0x08, 0x01, 0x10 };
        Varint(function, (ulong)functionName);
        Message(5, [.. function]);
        Message(4, [0x08, 0x01, 0x22, 0x02, 0x08, 0x01]);
        Message(2, [0x08, 0x01, 0x10, 0x07]);
        for (var i = 0; i < strings.Length; i++)
        {
            Message(6, rawLast is not null && i == strings.Length - 1 ? rawLast : Encoding.UTF8.GetBytes(strings[i]));
        }

        return [.. bytes];
    }

    private static void Varint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
