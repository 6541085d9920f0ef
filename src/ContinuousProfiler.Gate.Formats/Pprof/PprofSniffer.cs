namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Decides by content whether bytes are a serialized pprof <c>Profile</c>. Protobuf has no magic
/// number, so the probe walks the head as a Profile message and insists on the schema: only field
/// numbers 1–15, each with its declared wire type, and nested messages that parse as their own
/// types. Text formats fail at once (e.g. '{' is field 15 with a group wire type, '#' field 4 with a
/// group wire type, digits are field 6 with a varint wire type).
/// </summary>
internal static class PprofSniffer
{
    /// <summary>
    /// How many bytes <see cref="ProfileReader"/> hands to <c>CanRead</c>; a shorter head is the
    /// whole input, which must then end exactly at a field boundary.
    /// </summary>
    public const int ProbeLength = 4096;

    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int Bytes = 2;
    private const int Fixed32 = 5;

    /// <summary>Complete length-delimited fields seen, and how many of them were nested messages.</summary>
    private readonly record struct Evidence(int Fields, int Messages);

    private enum Read
    {
        Ok,
        Ended,
        Invalid,
    }

    private enum Kind
    {
        Profile,
        ValueType,
        Sample,
        Label,
        Mapping,
        Location,
        Line,
        Function,
    }

    public static bool LooksLikeProfile(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return false;
        }

        var valid = Walk(head, Kind.Profile, open: true, out var evidence, out var ended);

        // Claim a whole, valid input with at least one structured field (the two bytes "P\n" are
        // valid protobuf but no profile) and the probe's cut. An input that is truncated or turns to
        // garbage is claimed only after strong evidence of a profile — complete sample types,
        // samples, mappings, locations or functions — so the importer reports the damage instead of
        // "unrecognized format" while text never gets that far.
        if (valid && !ended)
        {
            return evidence.Fields > 0;
        }

        return (valid && head.Length >= ProbeLength) || (evidence.Fields >= 3 && evidence.Messages >= 1);
    }

    /// <summary>
    /// Walks one message. <paramref name="open"/> says the data may stop mid-field, which then sets
    /// <paramref name="ended"/>. <paramref name="complete"/> counts whole length-delimited fields seen
    /// so far (also when the walk fails), the real evidence of structure.
    /// </summary>
    private static bool Walk(ReadOnlySpan<byte> data, Kind kind, bool open, out Evidence complete, out bool ended)
    {
        complete = default;
        ended = false;
        var position = 0;
        while (position < data.Length)
        {
            var read = ReadVarint(data, ref position, out var tag);
            if (read != Read.Ok)
            {
                return ended = read == Read.Ended && open;
            }

            var field = tag >> 3;
            var wire = (int)(tag & 7);
            if (!Allowed(kind, field, wire))
            {
                return false;
            }

            switch (wire)
            {
                case Varint:
                    read = ReadVarint(data, ref position, out _);
                    if (read != Read.Ok)
                    {
                        return ended = read == Read.Ended && open;
                    }

                    break;
                case Fixed64:
                    position += 8;
                    break;
                case Fixed32:
                    position += 4;
                    break;
                default:
                    read = ReadVarint(data, ref position, out var length);
                    if (read != Read.Ok)
                    {
                        return ended = read == Read.Ended && open;
                    }

                    var available = data.Length - position;
                    var whole = length <= (ulong)available;
                    if (!whole && !open)
                    {
                        return false;
                    }

                    var body = data.Slice(position, whole ? (int)length : available);
                    if (!CheckBody(kind, field, body, open: !whole))
                    {
                        return false;
                    }

                    if (!whole)
                    {
                        return ended = true;
                    }

                    position += body.Length;
                    complete = new Evidence(complete.Fields + 1, complete.Messages + (Nested(kind, field) is null ? 0 : 1));
                    break;
            }

            if (position > data.Length)
            {
                return ended = open;
            }
        }

        return true;
    }

    private static bool CheckBody(Kind kind, ulong field, ReadOnlySpan<byte> body, bool open)
    {
        var nested = Nested(kind, field);
        if (nested is { } message)
        {
            return Walk(body, message, open, out _, out _);
        }

        // A length-delimited scalar field is a packed list of varints; strings (string_table) are free-form.
        return IsStringTable(kind, field) || PackedVarints(body, open);
    }

    private static bool PackedVarints(ReadOnlySpan<byte> body, bool open)
    {
        var position = 0;
        while (position < body.Length)
        {
            var read = ReadVarint(body, ref position, out _);
            if (read != Read.Ok)
            {
                return read == Read.Ended && open;
            }
        }

        return true;
    }

    private static bool IsStringTable(Kind kind, ulong field) => kind == Kind.Profile && field == 6;

    private static Kind? Nested(Kind kind, ulong field) => (kind, field) switch
    {
        (Kind.Profile, 1) or (Kind.Profile, 11) => Kind.ValueType,
        (Kind.Profile, 2) => Kind.Sample,
        (Kind.Profile, 3) => Kind.Mapping,
        (Kind.Profile, 4) => Kind.Location,
        (Kind.Profile, 5) => Kind.Function,
        (Kind.Sample, 3) => Kind.Label,
        (Kind.Location, 4) => Kind.Line,
        _ => null,
    };

    private static bool Allowed(Kind kind, ulong field, int wire)
    {
        if (field == 0)
        {
            return false;
        }

        return kind switch
        {
            Kind.Profile => field switch
            {
                >= 1 and <= 6 or 11 => wire == Bytes,
                13 => wire is Varint or Bytes,
                >= 7 and <= 15 => wire == Varint,
                _ => false,
            },
            Kind.Sample => field switch
            {
                1 or 2 => wire is Varint or Bytes,
                3 => wire == Bytes,
                _ => Unknown(wire),
            },
            Kind.Location => field switch
            {
                4 => wire == Bytes,
                1 or 2 or 3 or 5 => wire == Varint,
                _ => Unknown(wire),
            },
            _ => field <= 10 ? wire == Varint : Unknown(wire),
        };
    }

    /// <summary>Unknown fields inside nested messages are tolerated with a valid wire type (forward compatibility).</summary>
    private static bool Unknown(int wire) => wire is Varint or Fixed64 or Bytes or Fixed32;

    private static Read ReadVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length)
            {
                return Read.Ended;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return Read.Ok;
            }
        }

        return Read.Invalid;
    }
}
