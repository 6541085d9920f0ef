using System.Text;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Folded;

public sealed class FoldedExporterTests
{
    private static string Export(Profile profile)
    {
        var stream = new MemoryStream();
        new FoldedExporter().Export(profile, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Writes_one_line_per_stack_in_ordinal_order()
    {
        var profile = TestProfiles.FromFolded("""
            main;zeta 1
            main;Alpha;b 2.5
            main;alpha 3
            main;Alpha;b 4
            main 7
            """);

        Golden.Assert(Export(profile), "tests/ContinuousProfiler.Gate.Formats.Tests/golden/folded/small.folded");
    }

    [Fact]
    public void Exports_the_default_or_the_chosen_sample_type_and_merges_equal_name_paths()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], defaultSampleType: 1);
        builder.AddSample([new Frame("main"), new Frame("work", "libA.so")], 1, 10_000_000);
        builder.AddSample([new Frame("main"), new Frame("work", "libB.so")], 2, 20_000_000);
        builder.AddSample([new Frame("main;x"), new Frame("line\nbreak")], 1, 0.5);
        var profile = builder.Build();

        Assert.Equal("main:x;line break 0.5\nmain;work 30000000\n", Export(profile));
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer, sampleType: 0);
        Assert.Equal("main:x;line break 1\nmain;work 3\n", writer.ToString());
    }

    [Theory]
    [InlineData(12, "12")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.25e-7, "0.000000125")]
    [InlineData(123456789012345678, "123456789012345680")]
    public void Counts_have_no_exponent_and_parse_back_exactly(double value, string expected)
    {
        var text = FoldedSyntax.FormatCount(value);
        Assert.Equal(expected, text);
        Assert.True(FoldedSyntax.TryParse("a " + text, out _, out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void Registry_finds_the_exporter_by_name()
    {
        Assert.IsType<FoldedExporter>(FormatRegistry.Exporter("folded"));
    }
}
