using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Folded;

public sealed class FoldedDiffWriterTests
{
    private static string Write(IEnumerable<FoldedDiffRow> rows, FoldedDiffOptions? options = null)
    {
        var output = new StringWriter();
        FoldedDiffWriter.Write(rows, output, options);
        return output.ToString();
    }

    [Fact]
    public void Rows_merge_by_stack_and_missing_sides_are_zero()
    {
        var text = Write(
        [
            new("main;b", 3, 0),
            new("main;a", 1, 0),
            new("main;a", 2, 5),
            new("main;c", 0, 7),
            new("main;gone", 0, 0),
        ]);

        Assert.Equal("main;a 3 5\nmain;b 3 0\nmain;c 0 7\n", text);
    }

    [Fact]
    public void Normalize_scales_base_to_head_total_and_truncates()
    {
        // Totals 3 and 10: base counts × 10/3, floored; head unchanged.
        var text = Write([new("a", 1, 4), new("b", 2, 6)], new FoldedDiffOptions { Normalize = true });

        Assert.Equal("a 3 4\nb 6 6\n", text);
    }

    [Fact]
    public void Normalize_with_equal_totals_changes_nothing()
    {
        Assert.Equal("a 1 2\nb 2 1\n", Write([new("a", 1, 2), new("b", 2, 1)], new FoldedDiffOptions { Normalize = true }));
    }

    [Fact]
    public void Strip_hex_merges_stacks_that_differ_only_by_address()
    {
        var text = Write([new("main;0x7f00aa;f", 1, 0), new("main;0x7F11BB;f", 2, 4)], new FoldedDiffOptions { StripHex = true });

        Assert.Equal("main;0x...;f 3 4\n", text);
    }

    [Fact]
    public void Fractions_are_truncated_per_input_unless_kept()
    {
        FoldedDiffRow[] rows = [new("a", 1.7, 0), new("a", 1.7, 2.5)];

        Assert.Equal("a 2 2\n", Write(rows));
        Assert.Equal("a 3.4 2.5\n", Write(rows, new FoldedDiffOptions { KeepFractions = true }));
    }

    [Fact]
    public void Rows_from_profiles_add_runs_and_use_the_name_map()
    {
        var base1 = TestProfiles.FromFolded("Thread (11);HotApp!HotApp.Work.Hot(int32) 5\nThread (11);HotApp!HotApp.Work.Cold(int32) 1");
        var base2 = TestProfiles.FromFolded("Thread (12);HotApp!HotApp.Work.Hot(int32) 4");
        var head = TestProfiles.FromFolded("Thread (99);hotapp!HotApp.Work.Hot(int32) 12\nThread (99);hotapp!HotApp.Work.New(int32) 2");

        var rows = FoldedDiffWriter.Rows([base1, base2], [head], nameOf: FrameNormalizer.Default.NameOf);

        Golden.Assert(Write(rows), "tests/ContinuousProfiler.Gate.Formats.Tests/golden/folded-diff/normalized-runs.txt");
    }

    [Fact]
    public void Rows_from_profiles_without_a_name_map_keep_raw_names()
    {
        var a = TestProfiles.FromFolded("main;f;g 2");
        var b = TestProfiles.FromFolded("main;f;g 3\nmain;h 1");

        Assert.Equal("main;f;g 2 3\nmain;h 0 1\n", Write(FoldedDiffWriter.Rows([a], [b])));
    }

    [Fact]
    public void Rows_from_profiles_pick_the_requested_sample_type()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")]);
        builder.AddSample([new Frame("main"), new Frame("f")], 2, 20_000_000);
        var profile = builder.Build();

        Assert.Equal("main;f 20000000 20000000\n", Write(FoldedDiffWriter.Rows([profile], [profile], "cpu")));
        var e = Assert.Throws<InputException>(() => FoldedDiffWriter.Rows([profile], [profile], "alloc_space"));
        Assert.Contains("alloc_space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_inputs_without_any_folded_line_are_an_error()
    {
        var e = Assert.Throws<InputException>(() => FoldedDiffWriter.Rows(new StringReader("not folded\n"), new StringReader(""), "a.txt", "b.txt"));

        Assert.Equal("a.txt, b.txt: no folded stack lines ('frame;frame;leaf count') in either input; give two folded files", e.Message);
    }

    [Fact]
    public void One_empty_side_is_fine()
    {
        var output = new StringWriter();
        FoldedDiffWriter.Write(new StringReader(""), new StringReader("a;b 3\n"), output);

        Assert.Equal("a;b 0 3\n", output.ToString());
    }
}
