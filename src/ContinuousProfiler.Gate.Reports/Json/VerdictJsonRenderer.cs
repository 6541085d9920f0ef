using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Reports.Json;

/// <summary>
/// The machine-readable verdict of <c>profgate diff --format json</c>:
/// <c>{"verdict", "findings": [{"function", "kind", "level", "sampleType", "measure", "base", "head",
/// "headShare", "change", "delta", "interval", "rule", …}], "comparisons": [...], "provenance": {...}}</c>.
/// Shares are fractions (0–1), <c>delta</c> is in share points, <c>change</c> is relative and null when
/// base is zero; time findings carry milliseconds. <c>head</c> (and <c>delta</c>, <c>change</c>) read in base
/// units, as the statistics compare them (head ÷ the comparison's <c>headFactor</c>); <c>headShare</c> is the
/// head's plain share of its own runs, as reports show it (null for time findings). Keys are camelCase,
/// output is deterministic.
/// </summary>
public static class VerdictJsonRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the JSON document and a final newline.</summary>
    public static void Render(ComparisonResult comparison, Verdict verdict, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("verdict", verdict.Outcome);
            json.WriteStartArray("findings");
            foreach (var finding in verdict.Findings)
            {
                WriteFinding(json, finding, comparison);
            }

            json.WriteEndArray();
            json.WriteStartArray("comparisons");
            foreach (var scenario in comparison.Scenarios)
            {
                foreach (var type in scenario.SampleTypes)
                {
                    WriteComparison(json, scenario.Scenario, type);
                }
            }

            json.WriteEndArray();
            WriteProvenance(json, comparison);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
        output.Write('\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding f, ComparisonResult comparison)
    {
        json.WriteStartObject();
        json.WriteString("function", f.Function);
        json.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
        json.WriteString("level", f.Level.ToString().ToLowerInvariant());
        json.WriteString("sampleType", f.SampleType);
        json.WriteString("measure", f.Measure.ToString().ToLowerInvariant());
        if (f.Kind == FindingKind.Notice)
        {
            json.WriteNull("base");
            json.WriteNull("head");
            json.WriteNull("headShare");
            json.WriteNull("change");
            json.WriteNull("delta");
            json.WriteNull("interval");
        }
        else
        {
            Number(json, "base", f.Base);
            Number(json, "head", f.Head);
            Number(json, "headShare", f.SampleType == "time" ? null : Views.HeadShare.Plain(f.Head, Views.HeadShare.FactorOf(comparison, f.Scenario, f.SampleType)));
            Number(json, "change", f.Change);
            Number(json, "delta", f.Delta);
            if (f.Interval.IsEmpty)
            {
                json.WriteNull("interval");
            }
            else
            {
                json.WriteStartArray("interval");
                Value(json, f.Interval.Low);
                Value(json, f.Interval.High);
                json.WriteEndArray();
            }
        }

        json.WriteString("rule", f.Rule);
        json.WriteString("scenario", f.Scenario);
        json.WriteString("unit", f.Unit);
        Number(json, "pValue", f.PValue);
        Number(json, "threshold", f.Threshold);
        if (f.Message is null)
        {
            json.WriteNull("message");
        }
        else
        {
            json.WriteString("message", f.Message);
        }

        json.WriteBoolean("accepted", f.Accepted);
        json.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter json, string scenario, SampleTypeComparison type)
    {
        json.WriteStartObject();
        json.WriteString("scenario", scenario);
        json.WriteString("sampleType", type.SampleType.Type);
        json.WriteString("unit", type.SampleType.Unit);
        json.WriteNumber("baseRuns", type.BaseRuns);
        json.WriteNumber("headRuns", type.HeadRuns);
        json.WriteNumber("functions", type.Functions.Length);
        json.WriteStartArray("baseSamples");
        foreach (var samples in type.BaseSamples)
        {
            Value(json, Math.Round(samples));
        }

        json.WriteEndArray();
        json.WriteStartArray("headSamples");
        foreach (var samples in type.HeadSamples)
        {
            Value(json, Math.Round(samples));
        }

        json.WriteEndArray();
        Number(json, "headFactor", type.HeadFactor);
        json.WriteString("normalization", type.Normalization);
        WriteNoise(json, "noise", type.Noise);
        json.WriteEndObject();
    }

    private static void WriteNoise(Utf8JsonWriter json, string name, Core.Statistics.NoiseModel noise)
    {
        json.WriteStartObject(name);
        Number(json, "jitter", noise.Jitter);
        Number(json, "dispersion", noise.Dispersion);
        json.WriteString("method", noise.Method);
        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, ComparisonResult comparison)
    {
        var p = comparison.Provenance;
        json.WriteStartObject("provenance");
        Text(json, "baseCommit", p.BaseCommit);
        Text(json, "headCommit", p.HeadCommit);
        Text(json, "source", p.Source);
        if (p.EnvironmentMatches is { } matches)
        {
            json.WriteBoolean("environmentMatches", matches);
        }
        else
        {
            json.WriteNull("environmentMatches");
        }

        json.WriteStartArray("environmentDifferences");
        foreach (var difference in p.EnvironmentDifferences)
        {
            json.WriteStringValue(difference);
        }

        json.WriteEndArray();
        Text(json, "noBaselineReason", p.NoBaselineReason);
        json.WriteStartArray("onlyInBase");
        foreach (var name in comparison.OnlyInBase)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("onlyInHead");
        foreach (var name in comparison.OnlyInHead)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    // Rounded to 12 significant digits, so the last bits of floating-point noise do not churn golden files.
    private static void Value(Utf8JsonWriter json, double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            json.WriteNullValue();
            return;
        }

        json.WriteNumberValue(v == 0 ? 0 : double.Parse(v.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
    }
}
