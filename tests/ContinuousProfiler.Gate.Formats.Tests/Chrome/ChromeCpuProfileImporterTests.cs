using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Chrome;
using ContinuousProfiler.Gate.Formats.Folded;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Chrome;

public sealed class ChromeCpuProfileImporterTests
{
    // (root) → main (app.js:3) → parse ; (root) → (garbage collector); anonymous function with and without a URL.
    private const string NewLayout = """
        {"nodes":[
          {"id":1,"callFrame":{"functionName":"(root)","scriptId":"0","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":0,"children":[2,4,5]},
          {"id":2,"callFrame":{"functionName":"main","scriptId":"1","url":"file:///srv/app.js","lineNumber":2,"columnNumber":0},"hitCount":0,"children":[3]},
          {"id":3,"callFrame":{"functionName":"parse","scriptId":"1","url":"file:///srv/app.js","lineNumber":9,"columnNumber":4},"hitCount":2},
          {"id":4,"callFrame":{"functionName":"(garbage collector)","scriptId":"0","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":1},
          {"id":5,"callFrame":{"functionName":"","scriptId":"1","url":"file:///srv/lib/util.js","lineNumber":0,"columnNumber":0},"hitCount":0},
          {"id":6,"parent":5,"callFrame":{"functionName":"","scriptId":"1","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":1}
        ],
        "startTime":1000,"endTime":1400,"samples":[3,3,4,6,3],"timeDeltas":[10,100,50,-20,70]}
        """;

    private static Profile Import(string json, string source = "p.cpuprofile") =>
        new ChromeCpuProfileImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(json)), source);

    private static string Folded(Profile profile, int? sampleType = null)
    {
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer, sampleType);
        return writer.ToString();
    }

    [Fact]
    public void Each_sample_lasts_until_the_next_one()
    {
        var profile = Import(NewLayout);

        Assert.Equal([new SampleType("samples", "count"), new SampleType("wall", "microseconds")], profile.SampleTypes.ToArray());
        Assert.Equal(1, profile.DefaultSampleType);
        // times 1010, 1110, 1160, 1140 (out of order: counts as 1160), 1210: weights 100, 50, 0, 50, 0
        Assert.Equal(
            "(anonymous util.js:1);(anonymous) 50\n(garbage collector) 0\nmain;parse 150\n",
            Folded(profile));
        Assert.Equal("(anonymous util.js:1);(anonymous) 1\n(garbage collector) 1\nmain;parse 3\n", Folded(profile, 0));
        Assert.Equal(400_000, profile.Metadata.DurationNanos);
        Assert.Contains(new Frame("parse", null, "file:///srv/app.js", 10), profile.Frames);
    }

    [Fact]
    public void Reads_the_old_head_tree_layout_with_seconds_and_absolute_timestamps()
    {
        var profile = Import("""
            {"head":{"functionName":"(root)","url":"","lineNumber":-1,"id":1,"hitCount":0,"children":[
              {"functionName":"a","url":"x.js","lineNumber":0,"id":2,"hitCount":0,"children":[
                {"functionName":"b","url":"x.js","lineNumber":5,"id":3,"hitCount":2,"children":[]}]}]},
             "startTime":1.5,"endTime":1.6,"samples":[2,3,3],"timestamps":[1500000,1500040,1500100,1500200]}
            """);

        Assert.Equal("a 40\na;b 60\n", Folded(profile));
        Assert.Equal(100_000_000, profile.Metadata.DurationNanos);
    }

    [Fact]
    public void Without_time_deltas_only_sample_counts_are_kept()
    {
        var profile = Import("""{"nodes":[{"id":1,"callFrame":{"functionName":"(root)","url":"","lineNumber":-1},"children":[2]},{"id":2,"callFrame":{"functionName":"f","url":"","lineNumber":0},"hitCount":4}]}""");

        Assert.Equal(new SampleType("samples", "count"), Assert.Single(profile.SampleTypes));
        Assert.Equal("f 4\n", Folded(profile));
    }

    [Theory]
    [InlineData("""{"nodes":[{"id":1,"callFrame":{"functionName":"f"}}],"samples":[7],"timeDeltas":[1]}""", "p.cpuprofile: not a valid Chrome .cpuprofile: sample 0 refers to node 7, which is not in the node list; expected the JSON")]
    [InlineData("""{"nodes":[{"id":1,"callFrame":{"functionName":"f"}}],"samples":[1,1],"timeDeltas":[1]}""", "p.cpuprofile: not a valid Chrome .cpuprofile: 'timeDeltas' has 1 entries but 'samples' has 2; expected one time delta per sample")]
    [InlineData("""{"nodes":[{"id":1}],"samples":[1]}""", "p.cpuprofile: not a valid Chrome .cpuprofile: a node has no 'callFrame' object")]
    [InlineData("""{"nodes":[{"id":1,"callFrame":{"functionName":"f"}}],"samples":[],"timeDeltas":[]}""", "p.cpuprofile: the Chrome .cpuprofile has no samples; expected at least one sample")]
    [InlineData("""{"profile": 1}""", "p.cpuprofile: not a valid Chrome .cpuprofile: it has neither a 'nodes' array nor a 'head' tree")]
    [InlineData("{\"nodes\":[\n{\"id\":1,\n", "p.cpuprofile:3: not valid JSON")]
    public void Bad_input_is_one_line_that_says_what_was_expected(string json, string start)
    {
        var error = Assert.Throws<InputException>(() => Import(json));
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}}]}""", true)]
    [InlineData("""  {"head":{"functionName":"(root)","url":""}}""", true)]
    [InlineData("""{"traceEvents":[{"args":{"data":{"cpuProfile":{"nodes":[{"callFrame":{}}]}}}}]}""", false)]
    [InlineData("""[{"pid":1,"tid":1,"ph":"P","name":"ProfileChunk","args":{"data":{"cpuProfile":{"nodes":[{"callFrame":{}}]}}}}]""", false)]
    [InlineData("""{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[]},"profiles":[]}""", false)]
    [InlineData("a;b 1\n", false)]
    public void Probe_claims_cpuprofiles_only(string text, bool expected)
    {
        Assert.Equal(expected, new ChromeCpuProfileImporter().CanRead(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Anonymous_functions_are_kept_apart_by_file_and_line()
    {
        var summary = FunctionSummary.Compute(Import(NewLayout), 0);
        Assert.Contains(summary.Functions, f => f.Name == "(anonymous util.js:1)" && f.Total == 1);
    }
}
