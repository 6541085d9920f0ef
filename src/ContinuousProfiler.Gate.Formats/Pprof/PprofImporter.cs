using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using Google.Protobuf;
using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Reads pprof <c>profile.proto</c> files (gzipped or not) into the pivot model: every sample type
/// with its unit, inlined frames as separate frames, the profile's <c>drop_frames</c> applied as
/// google/pprof applies it, and period, duration, time and comments kept as metadata.
/// </summary>
public sealed class PprofImporter : IProfileImporter
{
    public string Name => "pprof";

    public bool CanRead(ReadOnlySpan<byte> head) => PprofSniffer.LooksLikeProfile(head);

    public Profile Import(Stream input, string source)
    {
        var bytes = Bytes(input, source);
        if (bytes.Count == 0)
        {
            throw new InputException($"{source}: the file is empty; expected a pprof profile");
        }

        Proto.Profile message;
        try
        {
            message = Proto.Profile.Parser.ParseFrom(bytes.Array, bytes.Offset, bytes.Count);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InputException($"{source}: corrupt or truncated pprof protobuf ({e.Message.TrimEnd('.')}); expected a complete serialized perftools.profiles.Profile, gzipped or not");
        }

        return Convert(message, source);
    }

    /// <summary>The raw protobuf: in place when <see cref="ProfileReader"/> already holds it, else read (and un-gzipped).</summary>
    private static ArraySegment<byte> Bytes(Stream input, string source)
    {
        if (input is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var rest = buffer[(int)memory.Position..];
            if (rest.Count < 2 || rest[0] != 0x1f || rest[1] != 0x8b)
            {
                return rest;
            }
        }

        return ProfileReader.ReadAll(input, source);
    }

    private static Profile Convert(Proto.Profile message, string source)
    {
        var strings = new PprofStringTable(message.StringTable, source);
        var sampleTypes = SampleTypes(message, strings, source);
        var builder = new ProfileBuilder(sampleTypes, DefaultSampleType(message, strings, sampleTypes))
        {
            Metadata = Metadata(message, strings, source),
        };
        var drop = PprofDropFrames.Create(
            strings.Get(message.DropFrames, "drop_frames"), strings.Get(message.KeepFrames, "keep_frames"), source);
        var locations = PprofLocationTable.Build(message, strings, drop, builder, source);
        new PprofSampleReader(locations, builder, sampleTypes.Length, source).AddAll(message.Sample, strings);
        return builder.Build();
    }

    private static ImmutableArray<SampleType> SampleTypes(Proto.Profile message, PprofStringTable strings, string source)
    {
        if (message.SampleType.Count == 0)
        {
            throw new InputException(message.Sample.Count == 0
                ? $"{source}: the pprof profile has no sample types and no samples; expected a profile with data"
                : $"{source}: the pprof profile has samples but no sample_type entries; expected one sample type per value column");
        }

        var types = ImmutableArray.CreateBuilder<SampleType>(message.SampleType.Count);
        for (var i = 0; i < message.SampleType.Count; i++)
        {
            var type = strings.Get(message.SampleType[i].Type, $"sample_type[{i}] type");
            var unit = strings.Get(message.SampleType[i].Unit, $"sample_type[{i}] unit");
            // pprof allows an empty type name; the model needs one to address the column.
            types.Add(new SampleType(type.Length == 0 ? "value" : type, unit));
        }

        return types.MoveToImmutable();
    }

    private static int DefaultSampleType(Proto.Profile message, PprofStringTable strings, ImmutableArray<SampleType> types)
    {
        var name = strings.Get(message.DefaultSampleType, "default_sample_type");
        if (name.Length > 0)
        {
            for (var i = 0; i < types.Length; i++)
            {
                if (string.Equals(types[i].Type, name, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return types.Length - 1;
    }

    private static ProfileMetadata Metadata(Proto.Profile message, PprofStringTable strings, string source)
    {
        SampleType? periodType = null;
        if (message.PeriodType is { } pt)
        {
            periodType = new SampleType(strings.Get(pt.Type, "period_type type"), strings.Get(pt.Unit, "period_type unit"));
        }

        var comments = ImmutableArray.CreateBuilder<string>(message.Comment.Count);
        for (var i = 0; i < message.Comment.Count; i++)
        {
            comments.Add(strings.Get(message.Comment[i], $"comment[{i}]"));
        }

        strings.Check(message.DocUrl, "doc_url");
        return ProfileMetadata.Empty with
        {
            Producer = "pprof",
            Source = source,
            DurationNanos = message.DurationNanos,
            TimeNanos = message.TimeNanos,
            PeriodType = periodType,
            Period = message.Period,
            Comments = comments.MoveToImmutable(),
        };
    }
}
