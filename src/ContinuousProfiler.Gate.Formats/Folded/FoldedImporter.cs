using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Text;

namespace ContinuousProfiler.Gate.Formats.Folded;

/// <summary>
/// Reads folded stacks (<c>main;parse;read 12</c>, root first) into one <c>samples/count</c> column.
/// Counts may be fractional; repeated stacks are added up. Lines that are not <c>frames count</c> are
/// skipped with one counted warning, <c>#</c> comment lines silently; input without a single valid line
/// is an error. Text is UTF-8, or UTF-8/UTF-16 with a byte-order mark; LF or CRLF. The probe leaves the
/// two-count diff-folded format alone.
/// </summary>
public sealed class FoldedImporter : IProfileImporter
{
    /// <summary>The value column every folded profile gets.</summary>
    public static readonly SampleType SampleType = new("samples", "count");

    /// <inheritdoc />
    public string Name => "folded";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> head)
    {
        var lines = TextProbe.Lines(head);
        var valid = 0;
        var differential = 0;
        var invalid = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (FoldedSyntax.TryParse(line, out var stack, out _))
            {
                valid++;
                differential += FoldedSyntax.TryParse(stack, out _, out _) ? 1 : 0;
            }
            else if (valid == 0 && invalid == 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                // The first content line decides: another text format is not claimed for a few stray lines.
                return lines.Count == 1 && IsCutOffStack(line, head);
            }
            else
            {
                invalid++;
            }
        }

        // Mostly valid lines, and not the two-count diff-folded format.
        return valid > 0 && invalid <= valid && differential < valid;
    }

    // A single stack longer than the probe window: no line break, frames separated by ';'.
    private static bool IsCutOffStack(string line, ReadOnlySpan<byte> head) =>
        !head.Contains((byte)'\n') && line.Contains(';', StringComparison.Ordinal) && line[0] is not ('{' or '[');

    /// <inheritdoc />
    public Profile Import(Stream input, string source)
    {
        return Import(TextInput.Lines(input, source), source);
    }

    /// <summary>Reads folded text from a reader.</summary>
    public Profile Import(TextReader reader, string source) => Import(TextInput.Lines(reader, source), source);

    private static Profile Import(IEnumerable<(int Number, string Text)> lines, string source)
    {
        var builder = new ProfileBuilder([SampleType])
        {
            Metadata = ProfileMetadata.Empty with { Source = source, Producer = "folded" },
        };
        var frameIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<int>();
        var values = new double[1];
        var valid = 0;
        var skipped = 0;
        var firstSkipped = 0;
        foreach (var (number, text) in lines)
        {
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (!FoldedSyntax.TryParse(text, out var stackText, out var count))
            {
                skipped++;
                firstSkipped = firstSkipped == 0 ? number : firstSkipped;
                continue;
            }

            stack.Clear();
            foreach (var range in stackText.Split(';'))
            {
                var name = stackText[range].ToString();
                if (!frameIds.TryGetValue(name, out var id))
                {
                    id = builder.InternFrame(new Frame(name));
                    frameIds.Add(name, id);
                }

                stack.Add(id);
            }

            values[0] = count;
            builder.AddSample(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), values);
            valid++;
        }

        if (valid == 0)
        {
            var why = skipped == 0 ? "it has no stack lines" : $"none of its {skipped} lines is valid (first at line {firstSkipped})";
            throw new InputException($"{source}: not a folded-stack profile: {why}; expected lines like 'main;parse;read 12' (frames root first, separated by ';', then a space and a count)");
        }

        if (skipped > 0)
        {
            builder.Metadata = builder.Metadata with
            {
                Warnings = [string.Create(CultureInfo.InvariantCulture, $"{source}: skipped {skipped} line(s) that are not 'frames count' (first at line {firstSkipped})")],
            };
        }

        return builder.Build();
    }
}
