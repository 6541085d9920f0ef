using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>
/// inferno's diff-folded expectations (jonhoo-inferno/tests/data/diff-folded), compared as sorted
/// line sets because both upstream tools write lines in hash order.
/// </summary>
public sealed class InfernoDiffFoldedConformanceTests
{
    private const string Folder = "jonhoo-inferno/tests/data/diff-folded/";

    [CorpusTheory]
    [InlineData("before.txt", "after.txt", false, false, "default.txt")]
    [InlineData("before.txt", "after.txt", true, false, "normalize.txt")]
    [InlineData("before.txt", "after.txt", false, true, "strip_hex.txt")]
    [InlineData("before_fractionals.txt", "after.txt", false, false, "fractionals.txt")]
    public void Matches_inferno_expected_results(string before, string after, bool normalize, bool stripHex, string expected)
    {
        var options = new FoldedDiffOptions { Normalize = normalize, StripHex = stripHex };
        using var baseText = File.OpenText(Paths.CorpusFile(Folder + before));
        using var headText = File.OpenText(Paths.CorpusFile(Folder + after));
        var output = new StringWriter();

        var lines = FoldedDiffWriter.Write(baseText, headText, output, options);

        var actual = Sorted(output.ToString());
        var wanted = Sorted(File.ReadAllText(Paths.CorpusFile(Folder + "results/" + expected)));
        Assert.Equal(wanted, actual);
        Assert.Equal(wanted.Length, lines);
        Assert.True(wanted.Length >= 9);
    }

    [CorpusFact]
    public void Output_is_sorted_ordinally_so_it_is_deterministic()
    {
        using var baseText = File.OpenText(Paths.CorpusFile(Folder + "before.txt"));
        using var headText = File.OpenText(Paths.CorpusFile(Folder + "after.txt"));
        var output = new StringWriter();

        FoldedDiffWriter.Write(baseText, headText, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
    }

    [CorpusFact]
    public void A_line_without_a_count_is_skipped()
    {
        using var baseText = File.OpenText(Paths.CorpusFile(Folder + "bad_before.txt"));
        using var headText = File.OpenText(Paths.CorpusFile(Folder + "after.txt"));
        var output = new StringWriter();

        FoldedDiffWriter.Write(baseText, headText, output);

        // The bad line is "…;__fdget_pos_[k]" without a count: that stack keeps only head's 15.
        Assert.Contains("dd;[unknown];read;system_call_[k];__fdget_pos_[k] 0 15\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("dd;[unknown];read 14 13\n", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Sorted(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}
