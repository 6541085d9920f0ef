using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sample.Lib;

/// <summary>Renders records as text lines (the allocating step).</summary>
public static class Formatter
{
    // A 100-char scratch buffer is 224 bytes; the regression grows it so Render's own bytes grow by the given percent.
    private static readonly int BufferLength = ((224 * (100 + Regression.ExtraAllocationPercent) / 100) - 24) / 2;

    private static char[]? _lastBuffer;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Render(Record[] records)
    {
        var length = 0;
        var builder = new StringBuilder();
        foreach (var record in records)
        {
            var buffer = new char[BufferLength];
            _lastBuffer = buffer;
            record.Key.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
            builder.Clear();
            builder.Append(record.Label).Append(':').Append(buffer, 0, written).Append('=').Append(record.Amount.ToString(CultureInfo.InvariantCulture));
            length += builder.ToString().Length;
        }

        return length + (_lastBuffer?.Length > 0 ? 0 : 1);
    }
}
