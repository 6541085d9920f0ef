using System.Globalization;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Folded;

/// <summary>folded → model → folded keeps every stack and every value (corpus folded files).</summary>
public sealed class FoldedRoundTripTests
{
    public static TheoryData<string> Files => new()
    {
        "jlfwong-speedscope/sample/profiles/stackcollapse/simple.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/simple-crlf.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/simple-utf16-le.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/simple-utf16-be.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/alternating.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/recursion.txt",
        "jlfwong-speedscope/sample/profiles/stackcollapse/tall.txt",
        "jonhoo-inferno/tests/data/flamegraph/fractional-samples/fractional.txt",
        "jonhoo-inferno/tests/data/flamegraph/fractional-samples/zero-fractionals.txt",
        "jonhoo-inferno/tests/data/flamegraph/fractional-samples/tricky-stack.txt",
        "jonhoo-inferno/tests/data/flamegraph/fractional-samples/with-space.txt",
        "jonhoo-inferno/tests/data/flamegraph/grey-frames/grey-frames.txt",
        "jonhoo-inferno/tests/data/flamegraph/austin/flames.txt",
        "jonhoo-inferno/tests/data/flamegraph/colors/async-profiler-collapsed-part.txt",
        "jonhoo-inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt",
        "brendangregg-flamegraph/test/results/perf-vertx-stacks-01-collapsed-all.txt",
    };

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Keeps_every_stack_and_value(string file)
    {
        var path = Paths.CorpusFile(file);
        var expected = ExpectedLines(path);

        using var input = File.OpenRead(path);
        var profile = new FoldedImporter().Import(input, file);
        var output = new MemoryStream();
        new FoldedExporter().Export(profile, output);
        var actual = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, actual);
        var again = new FoldedImporter().Import(new MemoryStream(output.ToArray()), "again");
        Assert.Equal(profile.Total(0), again.Total(0));
        Assert.Equal(profile.Samples.Length, again.Samples.Length);
    }

    // An independent reading of the input: split at the last space, add up repeated stacks, sort ordinally.
    private static string[] ExpectedLines(string path)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            var space = line.LastIndexOf(' ');
            if (line.StartsWith('#') || space <= 0 || !decimal.TryParse(line[(space + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            var stack = line[..space];
            sums[stack] = sums.GetValueOrDefault(stack) + count;
        }

        return sums.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + " " + FoldedSyntax.FormatCount((double)p.Value))
            .ToArray();
    }
}
