using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Flame;
using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;

namespace ContinuousProfiler.Gate.Reports.Html;

/// <summary>
/// The JSON the HTML report's script draws from: one view per scenario and sample type, each with its
/// pruned flame graph (flat, pre-order, shares as integers of <see cref="Scale"/>) and its function table.
/// The encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so the JSON is safe inside a script element.
/// </summary>
public static class ReportDataWriter
{
    /// <summary>Shares are written as integers: fraction × this.</summary>
    public const long Scale = 100_000_000;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>Writes the data of <paramref name="input"/> as one JSON object.</summary>
    public static string Write(ReportInput input, int maxFrames = 60_000)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            var views = input.Comparison.Scenarios.SelectMany(s => s.SampleTypes.Select(t => (Scenario: s.Scenario, Type: t))).ToList();
            json.WriteStartObject();
            json.WriteNumber("scale", Scale);
            json.WriteNumber("defaultView", DefaultView(views, input.Verdict));
            json.WriteStartArray("views");
            var written = new List<(long[] Frames, long[] Functions, List<string> Names)>();
            foreach (var (scenario, type) in views)
            {
                WriteView(json, scenario, type, input.Verdict, maxFrames, written);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int DefaultView(List<(string Scenario, SampleTypeComparison Type)> views, Verdict verdict)
    {
        foreach (var finding in verdict.Findings.IsDefault ? [] : verdict.Findings)
        {
            var index = views.FindIndex(v => v.Scenario == finding.Scenario && v.Type.SampleType.Type == finding.SampleType);
            if (index >= 0)
            {
                return index;
            }
        }

        return 0;
    }

    private static void WriteView(Utf8JsonWriter json, string scenario, SampleTypeComparison type, Verdict verdict, int maxFrames, List<(long[] Frames, long[] Functions, List<string> Names)> written)
    {
        var graph = FlameGraphBuilder.Build(type.Root, maxFrames: maxFrames);
        var names = graph.Names.ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        int Intern(string name)
        {
            if (!index.TryGetValue(name, out var id))
            {
                id = names.Count;
                names.Add(name);
                index.Add(name, id);
            }

            return id;
        }

        var frames = new long[graph.Frames.Count * 6];
        for (var i = 0; i < graph.Frames.Count; i++)
        {
            var f = graph.Frames[i];
            frames[(i * 6) + 0] = f.Name;
            frames[(i * 6) + 1] = f.Depth;
            frames[(i * 6) + 2] = Scaled(f.BaseTotal);
            frames[(i * 6) + 3] = Scaled(f.HeadTotal);
            frames[(i * 6) + 4] = Scaled(f.BaseSelf);
            frames[(i * 6) + 5] = Scaled(f.HeadSelf);
        }

        var functions = new long[type.Functions.Length * 5];
        for (var i = 0; i < type.Functions.Length; i++)
        {
            var f = type.Functions[i];
            functions[(i * 5) + 0] = Intern(f.Function);
            functions[(i * 5) + 1] = Scaled(f.Base.MeanSelf);
            functions[(i * 5) + 2] = Scaled(f.Head.MeanSelf);
            functions[(i * 5) + 3] = Scaled(f.Base.MeanTotal);
            functions[(i * 5) + 4] = Scaled(f.Head.MeanTotal);
        }

        json.WriteStartObject();
        json.WriteString("scenario", NameText.Clean(scenario, 200));
        json.WriteString("sampleType", type.SampleType.ToString());
        json.WriteString("baseRuns", NumberText.Count(type.BaseRuns));
        json.WriteString("headRuns", NumberText.Count(type.HeadRuns));
        json.WriteString("baseTotal", NumberText.Quantity(type.BaseTotals.IsDefaultOrEmpty ? 0 : type.BaseTotals.Average(), type.SampleType.Unit));
        json.WriteString("headTotal", NumberText.Quantity(type.HeadTotals.IsDefaultOrEmpty ? 0 : type.HeadTotals.Average(), type.SampleType.Unit));
        json.WriteString("normalization", NameText.Clean(type.Normalization, 200));
        json.WriteNumber("headFactor", type.HeadFactor);
        json.WriteStartObject("pruned");
        json.WriteNumber("paths", graph.PrunedPaths);
        json.WriteString("minShare", NumberText.Share(graph.MinShare));
        json.WriteString("minPixels", (graph.MinShare * 1200).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("base", NumberText.Share(graph.PrunedBaseShare));
        json.WriteString("head", NumberText.Share(HeadShare.Plain(graph.PrunedHeadShare, type.HeadFactor)));
        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in verdict.Findings.IsDefault ? [] : verdict.Findings)
        {
            if (finding.Scenario != scenario || finding.SampleType != type.SampleType.Type || finding.Kind == FindingKind.Notice)
            {
                continue;
            }

            var row = FindingRowBuilder.Build(finding, ReportDialect.Plain, 200, type.HeadFactor);
            json.WriteStartObject();
            json.WriteNumber("name", Intern(finding.Function));
            json.WriteString("status", row.Status);
            json.WriteString("kind", row.Kind);
            json.WriteString("measure", row.Measure);
            json.WriteString("change", row.Change);
            json.WriteString("threshold", row.Threshold);
            json.WriteString("rule", row.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("names");
        foreach (var name in names)
        {
            json.WriteStringValue(NameText.Clean(name, 2000));
        }

        json.WriteEndArray();

        var same = written.FindIndex(w => w.Frames.AsSpan().SequenceEqual(frames) && w.Functions.AsSpan().SequenceEqual(functions) && w.Names.SequenceEqual(names, StringComparer.Ordinal));
        if (same >= 0)
        {
            // Identical shares (e.g. samples/count and cpu/nanoseconds of one profile): point to the earlier view.
            json.WriteNumber("sameAs", same);
        }
        else
        {
            WriteArray(json, "frames", frames);
            WriteArray(json, "functions", functions);
        }

        written.Add((frames, functions, names));
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, long[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static long Scaled(double share) => (long)Math.Round(share * Scale);
}
