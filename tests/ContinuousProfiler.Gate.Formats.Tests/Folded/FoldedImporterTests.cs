using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Folded;

public sealed class FoldedImporterTests
{
    private static Profile Import(byte[] bytes, string source = "in.folded") =>
        new FoldedImporter().Import(new MemoryStream(bytes), source);

    private static Profile Import(string text) => Import(Encoding.UTF8.GetBytes(text));

    private static string Folded(Profile profile)
    {
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer);
        return writer.ToString();
    }

    [Fact]
    public void Reads_stacks_root_first_and_adds_up_repeated_lines()
    {
        var profile = Import("main;parse;read 12\nmain;render 3\nmain;parse;read 5\n");

        Assert.Equal(new SampleType("samples", "count"), Assert.Single(profile.SampleTypes));
        Assert.Equal("main;parse;read 17\nmain;render 3\n", Folded(profile));
        Assert.Equal(20, profile.Total(0));
        Assert.Empty(profile.Metadata.Warnings);
        Assert.Equal("folded", profile.Metadata.Producer);
    }

    [Fact]
    public void Keeps_fractional_counts_and_names_with_spaces()
    {
        var profile = Import("a;StealTask::do_it(GCTaskManager*, unsigned int) 31.23\na;b 20.\na;core::<impl Default for [T; _]>::x 2.5\n");

        var summary = FunctionSummary.Compute(profile, 0);
        Assert.Equal(31.23, summary.Functions.Single(f => f.Name == "StealTask::do_it(GCTaskManager*, unsigned int)").Self);
        Assert.Equal(20, summary.Functions.Single(f => f.Name == "b").Self);
        Assert.Equal(53.73, profile.Total(0), 10);
    }

    [Fact]
    public void Reads_crlf_and_a_last_line_without_newline()
    {
        var profile = Import("a;b 1\r\na;c 2\r\na;b 3");
        Assert.Equal("a;b 4\na;c 2\n", Folded(profile));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Reads_text_with_a_byte_order_mark(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-8" => (Encoding)new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("main;Grüße 2\r\nmain;λ 1")).ToArray();

        var profile = Import(bytes);

        Assert.Equal("main;Grüße 2\nmain;λ 1\n", Folded(profile));
        Assert.True(new FoldedImporter().CanRead(bytes));
    }

    [Fact]
    public void Skips_invalid_lines_with_one_counted_warning_and_comments_silently()
    {
        var profile = Import("# header: value\n// comment\na;b 1\nTHIS IS A BAD LINE\nbad 12V.43\n\na;c 2\n;x 3\n");

        Assert.Equal("a;b 1\na;c 2\n", Folded(profile));
        var warning = Assert.Single(profile.Metadata.Warnings);
        Assert.Equal("in.folded: skipped 4 line(s) that are not 'frames count' (first at line 2)", warning);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n# only a comment\n")]
    public void Empty_input_is_an_error(string text)
    {
        var error = Assert.Throws<InputException>(() => Import(text));
        Assert.Equal("in.folded: not a folded-stack profile: it has no stack lines; expected lines like 'main;parse;read 12' (frames root first, separated by ';', then a space and a count)", error.Message);
    }

    [Fact]
    public void Input_without_a_valid_line_is_an_error_that_names_the_first_line()
    {
        var error = Assert.Throws<InputException>(() => Import("# c\nnot folded\nneither -3\n"));
        Assert.StartsWith("in.folded: not a folded-stack profile: none of its 2 lines is valid (first at line 2); expected lines like", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_that_names_the_line()
    {
        var bytes = Encoding.ASCII.GetBytes("a;b 1\na;").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(" 2\n")).ToArray();
        var error = Assert.Throws<InputException>(() => Import(bytes, "bad.txt"));
        Assert.StartsWith("bad.txt:2: the text is not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("a;b 12\na;c 3\n", true)]
    [InlineData("# comment\n// comment\na;b 1\ninvalid line", true)]
    [InlineData("java 12688 [002] 6544038.708352:   10101010 cpu-clock:\n\t    7f1e214c24d9 SpinPause (/usr/lib/libjvm.so)\n\n", false)]
    [InlineData("{\"nodes\": []}\n", false)]
    [InlineData("goroutine profile: total 10\n5 @ 0x42 0x43\n1 @ 0x44\n", false)]
    [InlineData("hello world\na;b 1\n", false)]
    public void Probe_claims_folded_text_only(string text, bool expected)
    {
        Assert.Equal(expected, new FoldedImporter().CanRead(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Probe_claims_a_single_stack_longer_than_the_probe_window()
    {
        var line = string.Join(';', Enumerable.Range(0, 600).Select(i => "frame" + i)) + " 7\n";
        var head = Encoding.UTF8.GetBytes(line).AsSpan(0, 4096).ToArray();

        Assert.True(new FoldedImporter().CanRead(head));
        Assert.False(new FoldedImporter().CanRead(Encoding.UTF8.GetBytes("{\"a;b\": \"x\"")));
    }

    [Fact]
    public void A_frame_named_by_a_space_survives_as_in_flamegraph_pl()
    {
        // stackcollapse-perf.pl can emit "...;leaf;  3": the last frame is " ".
        var profile = Import("java;write0_[j];  3\n");

        Assert.Equal(["java", "write0_[j]", " "], profile.StackOf(profile.Samples[0]).Select(f => f.Name));
        Assert.Equal("java;write0_[j];  3\n", Folded(profile));
    }

    [Fact]
    public void Probe_refuses_binary_data()
    {
        Assert.False(new FoldedImporter().CanRead(new byte[] { 0x0A, 0x12, 0x08, 0x01, 0x61, 0x3B, 0x62, 0x20, 0x31 }));
    }
}
