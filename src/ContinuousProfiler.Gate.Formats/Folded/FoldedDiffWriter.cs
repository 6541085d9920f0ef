using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Folded;

/// <summary>Options of <see cref="FoldedDiffWriter"/>, named after FlameGraph's <c>difffolded.pl</c> switches.</summary>
public sealed record FoldedDiffOptions
{
    /// <summary>
    /// <c>-n</c>: when the totals differ, every base count becomes <c>floor(base × headTotal / baseTotal)</c>,
    /// so both columns sum to about the same. Head counts are left as they are (as in difffolded.pl and inferno).
    /// </summary>
    public bool Normalize { get; init; }

    /// <summary><c>-s</c>: every <c>0x</c> followed by hex digits becomes <c>0x...</c>; stacks that then coincide are added up.</summary>
    public bool StripHex { get; init; }

    /// <summary>
    /// Keep fractional counts (difffolded.pl's behaviour). By default each input count is truncated to a
    /// whole number, as inferno does, because differential flame-graph readers expect integers.
    /// </summary>
    public bool KeepFractions { get; init; }
}

/// <summary>One stack of a differential folded file: <c>root;…;leaf</c> with its base and head counts.</summary>
public readonly record struct FoldedDiffRow(string Stack, double Base, double Head);

/// <summary>
/// Writes the two-count folded format of FlameGraph's <c>difffolded.pl</c> and <c>inferno-diff-folded</c>:
/// one line <c>stack base head</c> per stack present on either side, <c>0</c> where a side lacks it.
/// Lines are sorted ordinally (the upstream tools write hash order), so output is deterministic.
/// Stacks with zero on both sides are left out.
/// </summary>
public static partial class FoldedDiffWriter
{
    /// <summary>Merges <paramref name="rows"/> by stack, applies the options and writes the lines. Returns the number of lines.</summary>
    public static int Write(IEnumerable<FoldedDiffRow> rows, TextWriter output, FoldedDiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new FoldedDiffOptions();
        var merged = new Dictionary<string, (double Base, double Head)>(StringComparer.Ordinal);
        double baseTotal = 0, headTotal = 0;
        foreach (var row in rows)
        {
            var stack = options.StripHex ? HexAddress().Replace(row.Stack, "0x...") : row.Stack;
            var b = options.KeepFractions ? row.Base : Math.Truncate(row.Base);
            var h = options.KeepFractions ? row.Head : Math.Truncate(row.Head);
            merged[stack] = merged.TryGetValue(stack, out var sum) ? (sum.Base + b, sum.Head + h) : (b, h);
            baseTotal += b;
            headTotal += h;
        }

        var scale = options.Normalize && baseTotal != headTotal && baseTotal > 0 ? headTotal / baseTotal : (double?)null;
        var stacks = merged.Keys.ToArray();
        Array.Sort(stacks, StringComparer.Ordinal);
        var written = 0;
        foreach (var stack in stacks)
        {
            var (b, h) = merged[stack];
            if (scale is { } s)
            {
                b = Math.Floor(b * s);
            }

            if (b == 0 && h == 0)
            {
                continue;
            }

            output.Write(stack);
            output.Write(' ');
            output.Write(Format(b));
            output.Write(' ');
            output.Write(Format(h));
            output.Write('\n');
            written++;
        }

        return written;
    }

    /// <summary>Reads two folded texts and writes their differential lines (<c>difffolded.pl base head</c>).</summary>
    public static int Write(TextReader baseFolded, TextReader headFolded, TextWriter output, FoldedDiffOptions? options = null) =>
        Write(Rows(baseFolded, headFolded), output, options);

    /// <summary>
    /// The rows of a base and a head side, each one or more runs (a ProfileSet's runs add up). Stacks
    /// are frame names joined with <c>;</c>, through <paramref name="nameOf"/> when given (e.g. a
    /// frame normalizer) so that renamed frames line up.
    /// </summary>
    /// <param name="baseRuns">The base profiles.</param>
    /// <param name="headRuns">The head profiles.</param>
    /// <param name="sampleType">The column (type name, <c>type/unit</c> or index), or null for each profile's default.</param>
    /// <param name="nameOf">Maps a frame to its name in the stack (default: the frame name).</param>
    public static IReadOnlyList<FoldedDiffRow> Rows(
        IEnumerable<Profile> baseRuns, IEnumerable<Profile> headRuns, string? sampleType = null, Func<Frame, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(baseRuns);
        ArgumentNullException.ThrowIfNull(headRuns);
        var sums = new Dictionary<string, (double Base, double Head)>(StringComparer.Ordinal);
        foreach (var profile in baseRuns)
        {
            AddStacks(profile, sampleType, nameOf, sums, head: false);
        }

        foreach (var profile in headRuns)
        {
            AddStacks(profile, sampleType, nameOf, sums, head: true);
        }

        return sums.Select(kv => new FoldedDiffRow(kv.Key, kv.Value.Base, kv.Value.Head)).ToList();
    }

    /// <summary>
    /// The rows of two folded texts (<c>stack count</c> lines). Lines without a valid count are skipped,
    /// as upstream does; when neither text has one valid line the input is an error.
    /// </summary>
    public static IReadOnlyList<FoldedDiffRow> Rows(TextReader baseFolded, TextReader headFolded, string baseName = "base", string headName = "head")
    {
        ArgumentNullException.ThrowIfNull(baseFolded);
        ArgumentNullException.ThrowIfNull(headFolded);
        var rows = new List<FoldedDiffRow>();
        var valid = ReadFolded(baseFolded, (stack, count) => rows.Add(new FoldedDiffRow(stack, count, 0)));
        valid += ReadFolded(headFolded, (stack, count) => rows.Add(new FoldedDiffRow(stack, 0, count)));
        if (valid == 0)
        {
            throw new InputException($"{baseName}, {headName}: no folded stack lines ('frame;frame;leaf count') in either input; give two folded files");
        }

        return rows;
    }

    private static int ReadFolded(TextReader reader, Action<string, double> add)
    {
        var valid = 0;
        while (reader.ReadLine() is { } line)
        {
            if (FoldedSyntax.TryParse(line, out var stack, out var count))
            {
                add(stack.ToString(), count);
                valid++;
            }
        }

        return valid;
    }

    private static void AddStacks(Profile profile, string? sampleType, Func<Frame, string>? nameOf, Dictionary<string, (double Base, double Head)> sums, bool head)
    {
        var column = profile.ResolveSampleType(sampleType);
        var names = profile.Frames.Select(f => FoldedSyntax.EscapeFrame(nameOf is null ? f.Name : nameOf(f))).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var sample in profile.Samples)
        {
            var value = sample.Values[column];
            if (value == 0 || sample.Stack.Length == 0)
            {
                continue;
            }

            text.Clear();
            foreach (var frame in sample.Stack)
            {
                text.Append(text.Length == 0 ? "" : ";").Append(names[frame]);
            }

            var stack = text.ToString();
            var sum = sums.GetValueOrDefault(stack);
            sums[stack] = head ? (sum.Base, sum.Head + value) : (sum.Base + value, sum.Head);
        }
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : FoldedSyntax.FormatCount(value);

    [GeneratedRegex("0x[0-9a-fA-F]+", RegexOptions.CultureInvariant)]
    private static partial Regex HexAddress();
}
