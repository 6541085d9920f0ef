using System.Text;
using ContinuousProfiler.Gate.Core;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// The string table of a pprof profile, decoded on first use. Indexes are checked against the
/// table size and names must be valid UTF-8; both failures name the index so the file can be fixed.
/// </summary>
internal sealed class PprofStringTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RepeatedField<ByteString> _raw;
    private readonly string?[] _decoded;
    private readonly string _source;

    public PprofStringTable(RepeatedField<ByteString> raw, string source)
    {
        _raw = raw;
        _decoded = new string?[raw.Count];
        _source = source;
        if (raw.Count > 0 && raw[0].Length != 0)
        {
            throw new InputException($"{source}: string_table[0] is not the empty string; expected a pprof profile whose string table starts with \"\" (re-export it with go tool pprof -proto)");
        }
    }

    public int Count => _raw.Count;

    /// <summary>Returns the string at <paramref name="index"/>; <paramref name="what"/> names the field for errors.</summary>
    public string Get(long index, string what)
    {
        if (index == 0)
        {
            return string.Empty;
        }

        Check(index, what);
        return _decoded[index] ??= Decode((int)index, what);
    }

    /// <summary>Checks an index without decoding the string (for fields profgate does not keep).</summary>
    public void Check(long index, string what)
    {
        if ((ulong)index >= (ulong)_raw.Count)
        {
            throw new InputException($"{_source}: {what} refers to string index {index} but the string table has {_raw.Count} entries; expected an index below {_raw.Count} (the file is corrupt or was written by a broken encoder)");
        }
    }

    private string Decode(int index, string what)
    {
        try
        {
            return StrictUtf8.GetString(_raw[index].Span);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{_source}: {what} (string index {index}) is not valid UTF-8; expected UTF-8 names as the pprof format requires (fix the producer or re-encode the names)");
        }
    }
}
