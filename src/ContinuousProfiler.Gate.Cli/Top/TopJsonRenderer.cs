using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContinuousProfiler.Gate.Cli.Top;

/// <summary>
/// Renders a <see cref="TopReport"/> as
/// <c>{"sampleType", "unit", "total", "functions": [{"name", "self", "total"}, ...]}</c>,
/// values in the profile's own unit, in the report's order.
/// </summary>
internal static class TopJsonRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Render(TopReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("sampleType", report.SampleType.Type);
            json.WriteString("unit", report.SampleType.Unit);
            json.WriteNumber("total", report.Total);
            json.WriteStartArray("functions");
            foreach (var function in report.Functions)
            {
                json.WriteStartObject();
                json.WriteString("name", function.Name);
                json.WriteNumber("self", function.Self);
                json.WriteNumber("total", function.Total);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n"));
        writer.Write('\n');
    }
}
