using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Text;

namespace ContinuousProfiler.Gate.Formats.Speedscope;

/// <summary>
/// Reads speedscope JSON (sampled and evented profiles). Which profiles make the model:
/// <list type="bullet">
/// <item>A file written by profgate's <see cref="SpeedscopeExporter"/> (exporter <c>profgate@…</c>, one profile
/// per sample type named <c>type/unit</c>): each profile becomes that sample type again.</item>
/// <item>Any other file: every profile with the same unit as the active profile (<c>activeProfileIndex</c>,
/// else the first) is added into one column, the way pprof merges threads, because producers such as
/// py-spy and dotnet-trace write one profile per thread; profiles in another unit are skipped with a
/// warning. The column is <c>samples/count</c> for unit none, <c>time/&lt;unit&gt;</c> for time units and
/// <c>space/bytes</c> for bytes.</item>
/// </list>
/// Use <see cref="ImportEach"/> to get every profile separately.
/// </summary>
public sealed class SpeedscopeImporter : IProfileImporter
{
    /// <inheritdoc />
    public string Name => "speedscope";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> head)
    {
        var text = TextProbe.FirstContent(head);
        return text.StartsWith('{') && text.Contains("\"" + SpeedscopeReader.SchemaUrl + "\"", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public Profile Import(Stream input, string source)
    {
        var document = SpeedscopeReader.Read(input, source);
        if (IsProfgateLayout(document))
        {
            return Build(document, source, document.Profiles.Select(p => (p, TypeFromName(p.Name)!)).ToList(), []);
        }

        var unit = document.Profiles[document.ActiveProfileIndex].Unit;
        var type = TypeOf(unit);
        var kept = document.Profiles.Where(p => p.Unit == unit).Select(p => (p, type)).ToList();
        var skipped = document.Profiles.Where(p => p.Unit != unit).ToList();
        var warnings = skipped.Count == 0 ? [] : new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{source}: skipped {skipped.Count} profile(s) whose unit differs from '{unit}' ({string.Join(", ", skipped.Select(p => $"'{p.Name}' in {p.Unit}"))})"),
        };
        return Build(document, source, kept, warnings);
    }

    /// <summary>Every profile of the file as its own model, in file order, with its speedscope name.</summary>
    public static IReadOnlyList<(string Name, Profile Profile)> ImportEach(Stream input, string source)
    {
        var document = SpeedscopeReader.Read(input, source);
        return document.Profiles.Select(p => (p.Name, Build(document, source, [(p, TypeOf(p.Unit))], []))).ToList();
    }

    /// <summary>The sample type a speedscope unit maps to.</summary>
    public static SampleType TypeOf(string unit) => unit switch
    {
        "nanoseconds" or "microseconds" or "milliseconds" or "seconds" => new SampleType("time", unit),
        "bytes" => new SampleType("space", "bytes"),
        _ => new SampleType("samples", "count"),
    };

    private static bool IsProfgateLayout(SpeedscopeDocument document) =>
        document.Exporter?.StartsWith(SpeedscopeExporter.ExporterPrefix, StringComparison.Ordinal) == true
        && document.Profiles.All(p => TypeFromName(p.Name) is not null)
        && document.Profiles.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() == document.Profiles.Length;

    private static SampleType? TypeFromName(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash > 0 && slash < name.Length - 1 ? new SampleType(name[..slash], name[(slash + 1)..]) : null;
    }

    private static Profile Build(SpeedscopeDocument document, string source, List<(SpeedscopeProfile Profile, SampleType Type)> parts, List<string> warnings)
    {
        var types = parts.Select(p => p.Type).Distinct().ToList();
        var active = parts.FindIndex(p => ReferenceEquals(p.Profile, document.Profiles[document.ActiveProfileIndex]));
        var builder = new ProfileBuilder(types, active < 0 ? 0 : types.IndexOf(parts[active].Type))
        {
            Metadata = ProfileMetadata.Empty with { Source = source, Producer = document.Exporter ?? "speedscope", Warnings = [.. warnings] },
        };
        var frameIds = document.Frames.Select(builder.InternFrame).ToArray();
        var values = new double[types.Count];
        var stack = new List<int>();
        foreach (var (profile, type) in parts)
        {
            var column = types.IndexOf(type);
            foreach (var (indices, weight) in profile.Samples)
            {
                stack.Clear();
                foreach (var index in indices)
                {
                    stack.Add(frameIds[index]);
                }

                Array.Clear(values);
                values[column] = weight;
                builder.AddSample(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), values);
            }
        }

        return builder.Build();
    }
}
