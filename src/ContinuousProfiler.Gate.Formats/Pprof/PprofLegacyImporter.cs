using System.Buffers.Binary;
using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Recognizes the legacy (pre-protobuf) pprof formats that <c>go tool pprof</c> still reads — binary
/// CPU profiles and the heap, growth, contention, thread and Go count text profiles — and rejects
/// them with the command that converts them to protobuf. profgate does not parse them itself.
/// </summary>
public sealed class PprofLegacyImporter : IProfileImporter
{
    private static readonly (string Header, string Kind)[] TextHeaders =
    [
        ("heap profile:", "heap text profile"),
        ("--- heapz", "heapz text profile"),
        ("--- growthz", "growthz text profile"),
        ("--- fragmentationz", "fragmentationz text profile"),
        ("--- contention", "contention text profile"),
        ("--- mutex", "mutex text profile"),
        ("--- thread", "threadz text profile"),
        ("goroutine profile:", "goroutine text profile"),
        ("threadcreate profile:", "threadcreate text profile"),
    ];

    public string Name => "pprof-legacy";

    public bool CanRead(ReadOnlySpan<byte> head) => Describe(head) is not null;

    public Profile Import(Stream input, string source)
    {
        var head = new byte[256];
        var read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var kind = Describe(head.AsSpan(0, read)) ?? "profile";
        throw new InputException($"{source}: this is a legacy (pre-protobuf) pprof {kind}, which profgate does not read; expected pprof protobuf, so convert with: go tool pprof -proto {source} > {source}.pb.gz");
    }

    private static string? Describe(ReadOnlySpan<byte> head)
    {
        if (IsBinaryCpu(head))
        {
            return "binary CPU profile";
        }

        var text = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 64)]).TrimStart();
        foreach (var (header, kind) in TextHeaders)
        {
            if (text.StartsWith(header, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The legacy CPU header: words 0, 3, 0|1 (C++/Go or Java), in 32- or 64-bit, either byte order.</summary>
    private static bool IsBinaryCpu(ReadOnlySpan<byte> head)
    {
        foreach (var size in (ReadOnlySpan<int>)[8, 4])
        {
            if (head.Length < size * 3)
            {
                continue;
            }

            foreach (var little in (ReadOnlySpan<bool>)[true, false])
            {
                if (Word(head, 0, size, little) == 0 && Word(head, 1, size, little) == 3 && Word(head, 2, size, little) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ulong Word(ReadOnlySpan<byte> data, int index, int size, bool little)
    {
        var slice = data.Slice(index * size, size);
        return size == 8
            ? little ? BinaryPrimitives.ReadUInt64LittleEndian(slice) : BinaryPrimitives.ReadUInt64BigEndian(slice)
            : little ? BinaryPrimitives.ReadUInt32LittleEndian(slice) : BinaryPrimitives.ReadUInt32BigEndian(slice);
    }
}
