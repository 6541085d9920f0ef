using System.Text;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>
/// Writes protobuf wire format by hand, so tests control the encoding (packed or not, field order,
/// broken references) independently of the generated classes.
/// </summary>
internal sealed class WireWriter
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public WireWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
        return this;
    }

    /// <summary>Repeated scalar written unpacked: one key/value per element.</summary>
    public WireWriter Unpacked(int field, params long[] values)
    {
        foreach (var value in values)
        {
            Varint(field, value);
        }

        return this;
    }

    /// <summary>Repeated scalar written packed: one length-delimited record.</summary>
    public WireWriter Packed(int field, params long[] values)
    {
        var inner = new WireWriter();
        foreach (var value in values)
        {
            inner.Raw((ulong)value);
        }

        return Bytes(field, inner.ToArray());
    }

    public WireWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public WireWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public WireWriter Message(int field, Action<WireWriter> build)
    {
        var inner = new WireWriter();
        build(inner);
        return Bytes(field, inner.ToArray());
    }

    private void Tag(int field, int wire) => Raw(((ulong)field << 3) | (uint)wire);

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
