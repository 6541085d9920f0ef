using System.Text;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Folded;

/// <summary>
/// Writes folded stacks for one sample type (the profile's default unless chosen): one line per distinct
/// frame-name path, <c>root;...;leaf count</c>, in ordinal order of the stack text, <c>\n</c> endings.
/// Frames print by name only; <c>;</c> in a name becomes <c>:</c>. Empty stacks have no folded form and
/// are left out.
/// </summary>
public sealed class FoldedExporter : IProfileExporter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public string Name => "folded";

    /// <inheritdoc />
    public string Extension => ".folded";

    /// <inheritdoc />
    public void Export(Profile profile, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(profile, writer);
    }

    /// <summary>Writes the folded lines of <paramref name="sampleType"/> (default: the profile's default column).</summary>
    public static void Write(Profile profile, TextWriter writer, int? sampleType = null)
    {
        foreach (var (stack, value) in Lines(profile, sampleType ?? profile.DefaultSampleType))
        {
            writer.Write(stack);
            writer.Write(' ');
            writer.Write(FoldedSyntax.FormatCount(value));
            writer.Write('\n');
        }
    }

    /// <summary>The folded lines of one column, merged by stack text and sorted ordinally.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Lines(Profile profile, int sampleType)
    {
        var names = profile.Frames.Select(f => FoldedSyntax.EscapeFrame(f.Name)).ToArray();
        var merged = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var sample in profile.Samples)
        {
            if (sample.Stack.IsEmpty)
            {
                continue;
            }

            text.Clear();
            foreach (var frame in sample.Stack)
            {
                text.Append(names[frame]).Append(';');
            }

            text.Length--;
            var key = text.ToString();
            merged[key] = merged.GetValueOrDefault(key) + sample.Values[sampleType];
        }

        var lines = merged.ToList();
        lines.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return lines;
    }
}
