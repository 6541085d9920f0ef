using System.IO.Compression;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Pprof;
using Xunit;
using static ContinuousProfiler.Gate.Formats.Tests.Pprof.PprofTestFiles;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

public sealed class PprofImporterTests
{
    private static Profile Import(byte[] bytes) => new PprofImporter().Import(new MemoryStream(bytes), "test.pb");

    private static string[] Folded(Profile profile) =>
        [.. profile.Samples.Select(s => string.Join(";", profile.StackOf(s).Select(f => f.Name)) + " " + string.Join(",", s.Values)).Order(StringComparer.Ordinal)];

    [Fact]
    public void InlinedLinesBecomeFramesWithTheFirstLineInnermost()
    {
        var bytes = Locations(Header()).Message(2, s => s.Packed(1, 2, 1).Unpacked(2, 3, 30)).ToArray();
        var profile = Import(bytes);

        Assert.Equal(["main.main;main.work;main.inner 3,30"], Folded(profile));
        var stack = profile.StackOf(profile.Samples[0]).ToArray();
        Assert.Equal(new Frame("main.inner", "/usr/bin/app", "main.go", 30), stack[2]);
        Assert.Equal(new Frame("main.work", "/usr/bin/app", "main.go", 20), stack[1]);
        Assert.Equal(new Frame("main.main", "/usr/bin/app", "main.go", 10), stack[0]);
    }

    [Fact]
    public void PackedUnpackedAndMixedEncodingsReadTheSame()
    {
        var packed = Import(Locations(Header()).Message(2, s => s.Packed(1, 2, 1).Packed(2, 1, 10)).ToArray());
        var unpacked = Import(Locations(Header()).Message(2, s => s.Unpacked(1, 2, 1).Unpacked(2, 1, 10)).ToArray());
        var mixed = Import(Locations(Header()).Message(2, s => s.Unpacked(1, 2).Packed(1, 1).Packed(2, 1).Unpacked(2, 10)).ToArray());
        // Fields in any order: samples before the string table.
        var reordered = Import(Locations(new WireWriter()).Message(2, s => s.Packed(2, 1, 10).Unpacked(1, 2, 1)).ToArray().Concat(Header().ToArray()).ToArray());

        Assert.Equal(Folded(packed), Folded(unpacked));
        Assert.Equal(Folded(packed), Folded(mixed));
        Assert.Equal(Folded(packed), Folded(reordered));
        Assert.Equal(["main.main;main.work;main.inner 1,10"], Folded(packed));
    }

    [Fact]
    public void GzippedAndRawBytesReadTheSame()
    {
        var raw = Locations(Header()).Message(2, s => s.Packed(1, 2, 1).Unpacked(2, 1, 10)).ToArray();
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionMode.Compress, leaveOpen: true))
        {
            zip.Write(raw);
        }

        Assert.Equal(Folded(Import(raw)), Folded(Import(gz.ToArray())));
    }

    [Fact]
    public void DefaultSampleTypeIsTheNamedOneElseTheLast()
    {
        var body = Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10));
        Assert.Equal(1, Import(body.ToArray()).DefaultSampleType);
        Assert.Equal(0, Import(Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).Varint(14, Samples).ToArray()).DefaultSampleType);
        // A name that is not a sample type falls back to the last column.
        Assert.Equal(1, Import(Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).Varint(14, Main).ToArray()).DefaultSampleType);
        var profile = Import(body.ToArray());
        Assert.Equal([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], profile.SampleTypes.ToArray());
    }

    [Fact]
    public void LocationsWithoutLinesOrFunctionsAreNamedByAddress()
    {
        var w = Header();
        w.Message(4, l => l.Varint(1, 1).Varint(2, 1).Varint(3, 0x4005b1)); // no lines, mapped
        w.Message(4, l => l.Varint(1, 2).Varint(3, 0x10)); // no lines, no mapping
        w.Message(4, l => l.Varint(1, 3).Varint(2, 99).Varint(3, 0x20)); // unknown mapping id
        w.Message(4, l => l.Varint(1, 4).Varint(2, 1).Varint(3, 0x30).Message(4, line => line.Varint(2, 7))); // function id 0
        w.Message(4, l => l.Varint(1, 5).Varint(2, 1).Varint(3, 0x40).Message(4, line => line.Varint(1, 42))); // unknown function id
        w.Message(2, s => s.Packed(1, 1, 2, 3, 4, 5).Unpacked(2, 1, 10));
        var profile = Import(w.ToArray());

        var stack = profile.StackOf(profile.Samples[0]).Reverse().ToArray();
        Assert.Equal(
            [new Frame("0x4005b1", "/usr/bin/app"), new Frame("0x10"), new Frame("0x20"), new Frame("0x30", "/usr/bin/app"), new Frame("0x40", "/usr/bin/app")],
            stack);
    }

    [Fact]
    public void SamplesDifferingOnlyByLabelsAreSummed()
    {
        var w = Locations(Header(["", "samples", "count", "cpu", "nanoseconds", "main.main", "main.work", "main.inner", "main.go", "/usr/bin/app", "thread", "t1", "t2"]));
        w.Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10).Message(3, l => l.Varint(1, 10).Varint(2, 11)));
        w.Message(2, s => s.Unpacked(1, 1).Unpacked(2, 2, 20).Message(3, l => l.Varint(1, 10).Varint(2, 12)));
        var profile = Import(w.ToArray());
        Assert.Equal(["main.main 3,30"], Folded(profile));
    }

    [Fact]
    public void MetadataKeepsPeriodDurationTimeAndComments()
    {
        var w = Locations(Header(["", "samples", "count", "cpu", "nanoseconds", "main.main", "main.work", "main.inner", "main.go", "/usr/bin/app", "a comment"]));
        w.Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10));
        w.Varint(9, 1_700_000_000_000_000_000).Varint(10, 2_000_000_000).Message(11, t => t.Varint(1, Cpu).Varint(2, Nanoseconds)).Varint(12, 10_000_000).Unpacked(13, 10);
        var metadata = Import(w.ToArray()).Metadata;

        Assert.Equal("pprof", metadata.Producer);
        Assert.Equal("test.pb", metadata.Source);
        Assert.Equal(1_700_000_000_000_000_000, metadata.TimeNanos);
        Assert.Equal(2_000_000_000, metadata.DurationNanos);
        Assert.Equal(new SampleType("cpu", "nanoseconds"), metadata.PeriodType);
        Assert.Equal(10_000_000, metadata.Period);
        Assert.Equal(["a comment"], metadata.Comments.ToArray());
    }

    [Fact]
    public void NegativeValuesUseTenByteVarints()
    {
        var profile = Import(Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, -5, -50)).ToArray());
        Assert.Equal(["main.main -5,-50"], Folded(profile));
    }

    [Fact]
    public void AbsurdStringIndexNamesTheIndexAndTableSize()
    {
        var w = Header();
        w.Message(5, f => f.Varint(1, 9).Varint(2, 1_000_000));
        var error = Assert.Throws<InputException>(() => Import(Locations(w).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).ToArray()));
        Assert.Equal("test.pb: function 9 name refers to string index 1000000 but the string table has 10 entries; expected an index below 10 (the file is corrupt or was written by a broken encoder)", error.Message);

        var negative = Assert.Throws<InputException>(() => Import(Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).Varint(14, -3).ToArray()));
        Assert.Contains("string index -3", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonUtf8NamesAreRejectedNamingTheStringIndex()
    {
        var w = Header();
        w.Bytes(6, [0x66, 0xff, 0xfe, 0x6f]); // string index 10
        w.Message(5, f => f.Varint(1, 9).Varint(2, 10));
        var error = Assert.Throws<InputException>(() => Import(Locations(w).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).ToArray()));
        Assert.Equal("test.pb: function 9 name (string index 10) is not valid UTF-8; expected UTF-8 names as the pprof format requires (fix the producer or re-encode the names)", error.Message);
    }

    [Fact]
    public void NonUtf8StringsThatAreNotKeptAreIgnored()
    {
        var w = Locations(Header());
        w.Bytes(6, [0xff]); // index 10: a label value profgate does not keep
        w.Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10).Message(3, l => l.Varint(1, Main).Varint(2, 10)));
        Assert.Equal(["main.main 1,10"], Folded(Import(w.ToArray())));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(120)]
    public void TruncatedProtobufIsOneClearLine(int keep)
    {
        var bytes = Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1, 10)).ToArray();
        var error = Assert.Throws<InputException>(() => Import(bytes[..keep]));
        Assert.StartsWith("test.pb: corrupt or truncated pprof protobuf (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void BrokenReferencesAreNamed()
    {
        var missing = Assert.Throws<InputException>(() => Import(Locations(Header()).Message(2, s => s.Unpacked(1, 77).Unpacked(2, 1, 10)).ToArray()));
        Assert.Contains("sample #0 refers to location id 77", missing.Message, StringComparison.Ordinal);

        var values = Assert.Throws<InputException>(() => Import(Locations(Header()).Message(2, s => s.Unpacked(1, 1).Unpacked(2, 1)).ToArray()));
        Assert.Contains("sample #0 has 1 values but the profile has 2 sample types", values.Message, StringComparison.Ordinal);

        var first = Assert.Throws<InputException>(() => Import(Locations(Header(["x", "samples"])).ToArray()));
        Assert.Contains("string_table[0] is not the empty string", first.Message, StringComparison.Ordinal);

        var duplicate = Header();
        duplicate.Message(5, f => f.Varint(1, 1).Varint(2, Work));
        Assert.Contains("two functions share the id 1", Assert.Throws<InputException>(() => Import(Locations(duplicate).ToArray())).Message, StringComparison.Ordinal);
    }
}
