using System.Text;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Speedscope;
using ContinuousProfiler.Gate.Testing;
using Json.Schema;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Speedscope;

public sealed class SpeedscopeExporterTests
{
    /// <summary>Two sample types, a frame with file and line, a stack that weighs 0 in one column.</summary>
    public static Profile Small()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], defaultSampleType: 1)
        {
            Metadata = ProfileMetadata.Empty with { Source = "/tmp/somewhere/app.pb.gz" },
        };
        var main = new Frame("main", "app", "Program.cs", 12);
        builder.AddSample([main, new Frame("Parser.Parse(string)", "app"), new Frame("Lexer.Next")], 4, 40_000_000);
        builder.AddSample([main, new Frame("Parser.Parse(string)", "app")], 1, 10_000_000);
        builder.AddSample([main, new Frame("Render \"<html>\"")], 2, 20_000_000);
        builder.AddSample([main, new Frame("Idle")], 1, 0);
        return builder.Build();
    }

    private static byte[] Export(Profile profile)
    {
        var stream = new MemoryStream();
        new SpeedscopeExporter().Export(profile, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Writes_one_sampled_profile_per_sample_type()
    {
        Golden.Assert(Encoding.UTF8.GetString(Export(Small())), "tests/ContinuousProfiler.Gate.Formats.Tests/golden/speedscope/small.speedscope.json");
    }

    [SpeedscopeSchemaFact]
    public void Output_is_valid_against_the_schema_speedscope_ships()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Requirements.SpeedscopeSchema));
        using var document = JsonDocument.Parse(Export(Small()));

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
        using var broken = JsonDocument.Parse("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"file":"x"}]},"profiles":[]}""");
        Assert.False(schema.Evaluate(broken.RootElement).IsValid);
    }

    [Fact]
    public void Import_restores_every_sample_type_with_its_unit_and_values()
    {
        var original = Small();
        var back = new SpeedscopeImporter().Import(new MemoryStream(Export(original)), "back.json");

        Assert.Equal(original.SampleTypes.ToArray(), back.SampleTypes.ToArray());
        Assert.Equal(original.DefaultSampleType, back.DefaultSampleType);
        for (var column = 0; column < original.SampleTypes.Length; column++)
        {
            var expected = new StringWriter();
            FoldedExporter.Write(original, expected, column);
            var actual = new StringWriter();
            FoldedExporter.Write(back, actual, column);
            Assert.Equal(expected.ToString(), actual.ToString());
        }

        Assert.Contains(new Frame("main", null, "Program.cs", 12), back.Frames);
    }

    [Fact]
    public void Negative_values_are_refused_with_a_clear_message()
    {
        var profile = TestProfiles.FromFolded("a;b -3\na 1");
        var error = Assert.Throws<InputException>(() => Export(profile));
        Assert.Equal("test: 'samples/count' has a negative value, which speedscope cannot show; expected non-negative weights (export another sample type or format)", error.Message);
    }

    [Fact]
    public void Registry_finds_the_exporter_by_name()
    {
        Assert.IsType<SpeedscopeExporter>(FormatRegistry.Exporter("speedscope"));
    }
}
