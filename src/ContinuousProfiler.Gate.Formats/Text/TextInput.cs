using System.Text;
using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.Formats.Text;

/// <summary>
/// Reads a text profile line by line: UTF-8 by default, UTF-8 or UTF-16 (LE/BE) when a byte-order mark
/// says so. Lines end at <c>\n</c>; a <c>\r</c> before it is dropped. Invalid UTF-8 is an input error
/// that names the line, never silently replaced.
/// </summary>
public static class TextInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Yields every line of a stream with its 1-based number; the stream is left open.</summary>
    public static IEnumerable<(int Number, string Text)> Lines(Stream input, string source)
    {
        var buffer = new byte[1 << 16];
        var filled = Fill(input, buffer, 0);
        var start = 0;
        if (filled >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            var encoding = buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var prefix = new MemoryStream(buffer, 2, filled - 2, writable: false);
            using var reader = new StreamReader(new ConcatenatedStream(prefix, input), encoding, detectEncodingFromByteOrderMarks: false);
            foreach (var line in Lines(reader, source))
            {
                yield return line;
            }

            yield break;
        }

        if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            start = 3;
        }

        var number = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
            if (newline < 0)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                }

                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var before = filled;
                filled = Fill(input, buffer, filled);
                if (filled == before)
                {
                    if (filled > start)
                    {
                        yield return (++number, Decode(buffer, start, filled, source, number));
                    }

                    yield break;
                }

                continue;
            }

            yield return (++number, Decode(buffer, start, newline, source, number));
            start = newline + 1;
        }
    }

    /// <summary>Yields every line of already decoded text with its 1-based number.</summary>
    public static IEnumerable<(int Number, string Text)> Lines(TextReader reader, string source)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            yield return (++number, line);
        }
    }

    private static string Decode(byte[] buffer, int start, int end, string source, int number)
    {
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }

        try
        {
            return StrictUtf8.GetString(buffer, start, end - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"{source}:{number}: the text is not valid UTF-8; expected UTF-8, or UTF-16 with a byte-order mark (re-save the file in UTF-8)");
        }
    }

    private static int Fill(Stream input, byte[] buffer, int filled)
    {
        int read;
        while (filled < buffer.Length && (read = input.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    // The BOM sniffing already consumed the first bytes; this replays them before the rest of the input.
    private sealed class ConcatenatedStream(Stream first, Stream second) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = first.Read(buffer, offset, count);
            return read > 0 ? read : second.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
