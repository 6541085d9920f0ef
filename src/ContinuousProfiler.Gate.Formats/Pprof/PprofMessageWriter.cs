using ContinuousProfiler.Gate.Core.Model;
using Google.Protobuf;
using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>Builds the protobuf message for <see cref="PprofExporter"/>, interning every string once.</summary>
internal sealed class PprofMessageWriter
{
    private readonly Proto.Profile _message = new();
    private readonly Dictionary<string, long> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string? File), ulong> _functions = [];
    private readonly Dictionary<string, ulong> _mappings = new(StringComparer.Ordinal);

    private PprofMessageWriter() => Intern(string.Empty);

    public static Proto.Profile Build(Profile profile)
    {
        var writer = new PprofMessageWriter();
        writer.AddHeader(profile);
        writer.AddLocations(profile);
        writer.AddSamples(profile);
        return writer._message;
    }

    private void AddHeader(Profile profile)
    {
        foreach (var type in profile.SampleTypes)
        {
            _message.SampleType.Add(ValueType(type));
        }

        _message.DefaultSampleType = Intern(profile.SampleTypes[profile.DefaultSampleType].Type);
        var metadata = profile.Metadata;
        _message.TimeNanos = metadata.TimeNanos;
        _message.DurationNanos = metadata.DurationNanos;
        _message.Period = metadata.Period;
        if (metadata.PeriodType is { } periodType)
        {
            _message.PeriodType = ValueType(periodType);
        }

        foreach (var comment in metadata.Comments)
        {
            _message.Comment.Add(Intern(comment));
        }
    }

    private void AddLocations(Profile profile)
    {
        // Location ids are frame index + 1, so samples map frames to locations without a lookup.
        for (var i = 0; i < profile.Frames.Length; i++)
        {
            var frame = profile.Frames[i];
            var location = new Proto.Location { Id = (ulong)i + 1, MappingId = Mapping(frame.Module) };
            location.Line.Add(new Proto.Line { FunctionId = Function(frame.Name, frame.File), Line_ = frame.Line });
            _message.Location.Add(location);
        }
    }

    private void AddSamples(Profile profile)
    {
        foreach (var sample in profile.Samples)
        {
            var message = new Proto.Sample();
            for (var i = sample.Stack.Length - 1; i >= 0; i--)
            {
                message.LocationId.Add((ulong)sample.Stack[i] + 1);
            }

            foreach (var value in sample.Values)
            {
                message.Value.Add((long)Math.Round(value, MidpointRounding.AwayFromZero));
            }

            _message.Sample.Add(message);
        }
    }

    private ulong Function(string name, string? file)
    {
        if (!_functions.TryGetValue((name, file), out var id))
        {
            id = (ulong)_functions.Count + 1;
            _functions.Add((name, file), id);
            var nameIndex = Intern(name);
            _message.Function.Add(new Proto.Function { Id = id, Name = nameIndex, SystemName = nameIndex, Filename = Intern(file ?? string.Empty) });
        }

        return id;
    }

    private ulong Mapping(string? module)
    {
        if (module is null)
        {
            return 0;
        }

        if (!_mappings.TryGetValue(module, out var id))
        {
            id = (ulong)_mappings.Count + 1;
            _mappings.Add(module, id);
            // The flags tell pprof the frames are already symbolized, so it never looks for the binary.
            _message.Mapping.Add(new Proto.Mapping
            {
                Id = id,
                Filename = Intern(module),
                HasFunctions = true,
                HasFilenames = true,
                HasLineNumbers = true,
                HasInlineFrames = true,
            });
        }

        return id;
    }

    private Proto.ValueType ValueType(SampleType type) => new() { Type = Intern(type.Type), Unit = Intern(type.Unit) };

    private long Intern(string value)
    {
        if (!_strings.TryGetValue(value, out var index))
        {
            index = _strings.Count;
            _strings.Add(value, index);
            _message.StringTable.Add(ByteString.CopyFromUtf8(value));
        }

        return index;
    }
}
