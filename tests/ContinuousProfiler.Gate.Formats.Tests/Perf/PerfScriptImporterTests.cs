using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Perf;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Perf;

public sealed class PerfScriptImporterTests
{
    private const string TwoRecords = """
        # ========
        # cmdline : /usr/bin/perf record -F 99 -g -- ./app
        # ========
        V8 WorkerThread  4242/4243 [002] 6544038.708352:   10101010 cpu-clock:
        	ffffffff8103ce3b native_safe_halt+0xb ([kernel.kallsyms])
        	    7f1e214c24d9 Parser::Read(char const*) (/opt/app/libparse.so)
        	    7f1e214c2000 [unknown] (/opt/app/libparse.so)
        	               0 [unknown] ([unknown])

        V8 WorkerThread  4242/4243 [002] 6544038.718352:   10101010 cpu-clock:
        	    7f1e214c24d9 inner->outer (/opt/app/app)

        """;

    private static Profile Import(string text, string source = "perf.txt") =>
        new PerfScriptImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), source);

    private static string Folded(Profile profile, int? sampleType = null)
    {
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer, sampleType);
        return writer.ToString();
    }

    [Fact]
    public void Collapses_records_with_the_process_as_root_and_weights_by_period()
    {
        var profile = Import(TwoRecords);

        Assert.Equal([new SampleType("samples", "count"), new SampleType("cpu-clock", "nanoseconds")], profile.SampleTypes.ToArray());
        Assert.Equal(1, profile.DefaultSampleType);
        Assert.Equal(
            "V8_WorkerThread;[unknown];[libparse.so];Parser::Read;native_safe_halt 10101010\nV8_WorkerThread;inner;outer_[i] 10101010\n",
            Folded(profile));
        Assert.Equal("V8_WorkerThread;[unknown];[libparse.so];Parser::Read;native_safe_halt 1\nV8_WorkerThread;inner;outer_[i] 1\n", Folded(profile, 0));
        Assert.Contains(profile.Frames, f => f == new Frame("native_safe_halt", "[kernel.kallsyms]"));
        Assert.Equal("perf", profile.Metadata.Producer);
        Assert.Empty(profile.Metadata.Warnings);
    }

    [Fact]
    public void Records_without_a_period_count_one_each()
    {
        var profile = Import("func_ab 15294 cpu-clock:\n\t400526 func_a (/tmp/func_ab)\n\t400586 main (/tmp/func_ab)\n\nfunc_ab 15294 cpu-clock:\n\t400526 func_a (/tmp/func_ab)\n\t400586 main (/tmp/func_ab)\n");

        Assert.Equal(new SampleType("samples", "count"), Assert.Single(profile.SampleTypes));
        Assert.Equal("func_ab;main;func_a 2\n", Folded(profile));
    }

    [Fact]
    public void Keeps_the_first_event_type_and_warns_about_the_rest()
    {
        var text = "app 1 1.0: 5 cycles:\n\t1 f (/x)\n\napp 1 2.0: 7 instructions:\n\t1 g (/x)\n\njunk line\napp 1 3.0: 5 cycles:\n\t1 f (/x)\n";
        var profile = Import(text);

        Assert.Equal("app;f 10\n", Folded(profile));
        Assert.Equal(new SampleType("cycles", "count"), profile.SampleTypes[1]);
        Assert.Equal(
            ["perf.txt: kept only 'cycles' events; skipped 1 record(s) of other event types", "perf.txt: skipped 1 unrecognized line(s) (first at line 7)"],
            profile.Metadata.Warnings.ToArray());
    }

    [Fact]
    public void An_explicit_event_filter_keeps_that_event()
    {
        var text = "app 1 1.0: 5 cycles:\n\t1 f (/x)\n\napp 1 2.0: 7 instructions:\n\t1 g (/x)\n\napp 1 3.0: 5 cycles:\n\t1 f (/x)\n";
        var stats = new PerfCollapseStats();
        var lines = new PerfScriptCollapser(new PerfCollapseOptions { EventFilter = "instructions" })
            .Collapse(new MemoryStream(Encoding.UTF8.GetBytes(text)), "perf.txt", stats);

        Assert.Equal([new KeyValuePair<string, double>("app;g", 7)], lines);
        Assert.Equal(("instructions", 2), (stats.EventFilter, stats.FilteredRecords));
    }

    [Fact]
    public void A_one_character_command_is_not_an_event_line_as_in_the_perl_pattern()
    {
        var samples = new PerfScriptCollapser().ReadSamples(new StringReader("ab 1 1.0: 5 cycles:\n\t1 f (/x)\n\na 1 1.0: 5 cycles:\n\t1 f (/x)\n")).ToList();
        Assert.Equal(["ab;f", "a_1_1.0:;f"], samples.Select(s => s.Folded));
    }

    [Fact]
    public void The_collapser_exposes_each_record()
    {
        var stats = new PerfCollapseStats();
        var samples = new PerfScriptCollapser(new PerfCollapseOptions { IncludeTid = true, AnnotateKernel = true, IncludeAddresses = true })
            .ReadSamples(new StringReader(TwoRecords), stats).ToList();

        Assert.Equal(2, samples.Count);
        var first = samples[0];
        Assert.Equal((4, "V8 WorkerThread", "4242", "4243", "6544038.708352", "cpu-clock", 10101010.0), (first.Line, first.Command, first.ProcessId, first.ThreadId, first.Timestamp, first.Event, first.Period));
        Assert.Equal("V8_WorkerThread-4242/4243;[unknown <0>];[libparse.so <7f1e214c2000>];Parser::Read;native_safe_halt_[k]", first.Folded);
        Assert.Equal(new PerfFrameLine("ffffffff8103ce3b", "native_safe_halt+0xb", "[kernel.kallsyms]"), first.Frames[0]);
        Assert.Equal((2, "cpu-clock", 0, 0), (stats.Samples, stats.EventFilter, stats.FilteredRecords, stats.UnrecognizedLines));
    }

    [Fact]
    public void Input_without_records_is_an_error_naming_the_first_bad_line()
    {
        var error = Assert.Throws<InputException>(() => Import("# header\nnot a perf line\n"));
        Assert.Equal(
            "perf.txt: no perf script samples found (line 2 is neither an event line nor a frame line); expected records like 'comm 1234 5.678901: 1000000 cpu-clock:' followed by frame lines like '  ffffffff8103ce3b func+0x1b (module)', as written by 'perf script' for a 'perf record -g' capture (stackcollapse-perf.pl ignores samples without a call graph)",
            error.Message);
    }

    // What a short 'perf record -g' under load can give: perf could not walk the first sample's call chain.
    private const string FirstRecordWithoutCallGraph =
        "perf-exec 25776 10525.098100:    1001001 cpu-clock: \n\n" +
        "ls 25776 10525.098371:    1001001 cpu-clock: \n\tffffffff81b184c5 __rq_qos_throttle+0x5 ([kernel.kallsyms])\n\t            5650 [unknown] (/usr/bin/ls)\n\n";

    [Fact]
    public void A_first_record_without_call_graph_is_still_detected_and_read_as_perf_script()
    {
        var profile = ProfileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(FirstRecordWithoutCallGraph)), "short.txt");

        Assert.Equal("perf", profile.Metadata.Producer);
        Assert.Equal("ls;[ls];__rq_qos_throttle 1001001\nperf-exec 1001001\n", Folded(profile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# ========\n# captured on    : Fri Nov 27 17:22:09 2026\n# header version : 1\n# data offset    : 264\n# ========\n#\n")]
    public void TryImport_of_text_without_a_single_record_is_false(string text)
    {
        Assert.False(new PerfScriptImporter().TryImport(new MemoryStream(Encoding.UTF8.GetBytes(text)), "perf.txt", out var profile));
        Assert.Null(profile);
    }

    [Fact]
    public void TryImport_still_throws_for_text_that_is_not_perf_script()
    {
        var error = Assert.Throws<InputException>(() => new PerfScriptImporter().TryImport(new MemoryStream(Encoding.UTF8.GetBytes("# header\nnot a perf line\n")), "perf.txt", out _));

        Assert.StartsWith("perf.txt: no perf script samples found (line 2 is neither an event line nor a frame line)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# ========\n# captured on    : Fri Nov 27 17:22:09 2026\n# header version : 1\n# ========\n#\n")]
    [InlineData("# a folded file with only a comment\n\n")]
    public void Reading_a_sample_less_text_profile_says_no_samples_not_unrecognized_format(string text)
    {
        var error = Assert.Throws<InputException>(() => ProfileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "run.txt"));

        Assert.DoesNotContain("unrecognized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("run.txt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a profile with samples", error.Message, StringComparison.Ordinal);
        Assert.Contains("give the profiled run more work", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("java 12688 [002] 6544038.708352:   10101010 cpu-clock:\n\t    7f1e214c24d9 SpinPause (/usr/lib/libjvm.so)\n\n", true)]
    [InlineData("# ========\n# captured on: x\n#\nfunc_ab 15294 cpu-clock:\n\t400526 func_a (/tmp/func_ab)\n", true)]
    [InlineData("java 19983 cycles:\n7f722d142778 Ljava/io/PrintStream;::print (/tmp/perf-19982.map)\n", true)]
    [InlineData("a;b 12\na;c 3\n", false)]
    [InlineData("main;parse 12 14\n", false)]
    [InlineData("java 10488  9962.502413:   10101010 cpu-clock:\n\n\tffffffffaee8017b fput+0xb ([kernel.kallsyms])\n", false)]
    [InlineData(FirstRecordWithoutCallGraph, true)]
    [InlineData("perf-exec 25776 10525.098100:    1001001 cpu-clock: \n", true)]
    [InlineData("perf-exec 25776 10525.098100:    1001001 cpu-clock: \n\nnot perf\n", false)]
    [InlineData("           false 39654 19115.489713:          1 cycles:u:  ffffffff9b201293 [unknown] ([unknown])\n", false)]
    [InlineData("{\"$schema\": \"https://www.speedscope.app/file-format-schema.json\"}", false)]
    public void Probe_claims_perf_script_text_only(string text, bool expected)
    {
        Assert.Equal(expected, new PerfScriptImporter().CanRead(Encoding.UTF8.GetBytes(text)));
    }

    [CorpusTheory]
    [InlineData("brendangregg-flamegraph/test/perf-cycles-instructions-01.txt", "brendangregg-flamegraph/test/results/perf-cycles-instructions-01-collapsed-jit.txt")]
    [InlineData("brendangregg-flamegraph/test/perf-dd-stacks-01.txt", "brendangregg-flamegraph/test/results/perf-dd-stacks-01-collapsed-jit.txt")]
    [InlineData("brendangregg-flamegraph/test/perf-funcab-pid-01.txt", "brendangregg-flamegraph/test/results/perf-funcab-pid-01-collapsed-addrs.txt")]
    [InlineData("brendangregg-flamegraph/test/perf-java-stacks-02.txt", "brendangregg-flamegraph/test/results/perf-java-stacks-02-collapsed-addrs.txt")]
    [InlineData("brendangregg-flamegraph/test/perf-js-stacks-01.txt", "brendangregg-flamegraph/test/results/perf-js-stacks-01-collapsed-kernel.txt")]
    [InlineData("brendangregg-flamegraph/test/perf-rust-Yamakaky-dcpu.txt", "brendangregg-flamegraph/test/results/perf-rust-Yamakaky-dcpu-collapsed-jit.txt")]
    [InlineData("brendangregg-flamegraph/example-perf-stacks.txt.gz", "jonhoo-inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt")]
    [InlineData("jonhoo-inferno/tests/data/collapse-perf/java-inline.txt", "jonhoo-inferno/tests/data/collapse-perf/results/java-inline-collapsed.txt")]
    public void Detected_import_then_folded_export_reproduces_the_default_collapse(string input, string expected)
    {
        var profile = ProfileReader.Read(Paths.CorpusFile(input));

        Assert.Equal("perf", profile.Metadata.Producer);
        var output = new MemoryStream();
        new FoldedExporter().Export(profile, output);
        Assert.Equal(File.ReadAllText(Paths.CorpusFile(expected)), Encoding.UTF8.GetString(output.ToArray()));
    }
}
