using System.Text.Encodings.Web;
using System.Text.Json;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Speedscope;

/// <summary>
/// Writes speedscope JSON: the frames once in <c>shared.frames</c> (name, file, line) and one sampled profile
/// per sample type, named <c>type/unit</c>, with the default sample type as the active profile. Samples
/// keep the model's order; stacks that weigh 0 in a column, and empty stacks, are left out of that
/// profile. Units speedscope knows are kept; any other unit (e.g. count) is written as <c>none</c>.
/// </summary>
public sealed class SpeedscopeExporter : IProfileExporter
{
    /// <summary>How the <c>exporter</c> field starts, so the importer can restore the sample types.</summary>
    public const string ExporterPrefix = "profgate@";

    private static readonly string Version = typeof(SpeedscopeExporter).Assembly.GetName().Version?.ToString(3) ?? "0";

    /// <inheritdoc />
    public string Name => "speedscope";

    /// <inheritdoc />
    public string Extension => ".speedscope.json";

    /// <inheritdoc />
    public void Export(Profile profile, Stream output)
    {
        // Relaxed escaping keeps names readable (a .json file, never inlined into HTML by this exporter).
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SpeedscopeReader.SchemaUrl);
        json.WriteString("exporter", ExporterPrefix + Version);
        json.WriteString("name", profile.Metadata.Scenario ?? (profile.Metadata.Source is { } s ? Path.GetFileName(s) : "profile"));
        json.WriteNumber("activeProfileIndex", profile.DefaultSampleType);
        json.WriteStartObject("shared");
        json.WriteStartArray("frames");
        foreach (var frame in profile.Frames)
        {
            json.WriteStartObject();
            json.WriteString("name", frame.Name);
            if (frame.File is not null)
            {
                json.WriteString("file", frame.File);
            }

            if (frame.Line > 0)
            {
                json.WriteNumber("line", frame.Line);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("profiles");
        for (var column = 0; column < profile.SampleTypes.Length; column++)
        {
            WriteProfile(json, profile, column);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteProfile(Utf8JsonWriter json, Profile profile, int column)
    {
        var type = profile.SampleTypes[column];
        json.WriteStartObject();
        json.WriteString("type", "sampled");
        json.WriteString("name", type.ToString());
        json.WriteString("unit", UnitOf(type.Unit));
        json.WriteNumber("startValue", 0);
        var total = 0.0;
        json.WriteStartArray("samples");
        foreach (var sample in profile.Samples)
        {
            var value = sample.Values[column];
            if (value < 0)
            {
                throw new InputException($"{profile.Metadata.Source ?? "profile"}: '{type}' has a negative value, which speedscope cannot show; expected non-negative weights (export another sample type or format)");
            }

            if (value == 0 || sample.Stack.IsEmpty)
            {
                continue;
            }

            total += value;
            json.WriteStartArray();
            foreach (var frame in sample.Stack)
            {
                json.WriteNumberValue(frame);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("weights");
        foreach (var sample in profile.Samples)
        {
            var value = sample.Values[column];
            if (value > 0 && !sample.Stack.IsEmpty)
            {
                json.WriteNumberValue(value);
            }
        }

        json.WriteEndArray();
        json.WriteNumber("endValue", total);
        json.WriteEndObject();
    }

    private static string UnitOf(string unit) => unit.ToLowerInvariant() switch
    {
        "nanoseconds" or "ns" => "nanoseconds",
        "microseconds" or "us" => "microseconds",
        "milliseconds" or "ms" => "milliseconds",
        "seconds" or "s" => "seconds",
        "bytes" => "bytes",
        _ => "none",
    };
}
