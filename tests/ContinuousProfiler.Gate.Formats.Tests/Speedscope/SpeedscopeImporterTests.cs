using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Speedscope;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Speedscope;

public sealed class SpeedscopeImporterTests
{
    private const string Schema = "\"$schema\":\"https://www.speedscope.app/file-format-schema.json\"";

    private static Profile Import(string json) =>
        new SpeedscopeImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(json)), "p.json");

    private static string Folded(Profile profile, int? sampleType = null)
    {
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer, sampleType);
        return writer.ToString();
    }

    [Fact]
    public void Reads_a_sampled_profile_with_frame_files_and_lines()
    {
        var profile = Import($$"""
            {{{Schema}},"shared":{"frames":[{"name":"main","file":"app.py","line":3},{"name":"work"},{"name":""}]},
             "profiles":[{"type":"sampled","name":"MainThread","unit":"seconds","startValue":0,"endValue":3,
               "samples":[[0,1],[0],[0,1],[0,2]],"weights":[1,0.5,1.5,2]}]}
            """);

        Assert.Equal(new SampleType("time", "seconds"), Assert.Single(profile.SampleTypes));
        Assert.Equal("main 0.5\nmain;(anonymous) 2\nmain;work 2.5\n", Folded(profile));
        Assert.Contains(new Frame("main", null, "app.py", 3), profile.Frames);
        Assert.Equal("speedscope", profile.Metadata.Producer);
    }

    [Fact]
    public void Replays_an_evented_profile()
    {
        var profile = Import($$"""
            {{{Schema}},"shared":{"frames":[{"name":"a"},{"name":"b"},{"name":"c"}]},
             "profiles":[{"type":"evented","name":"t","unit":"none","startValue":0,"endValue":20,"events":[
               {"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":2},{"type":"O","frame":2,"at":2},
               {"type":"C","frame":2,"at":7},{"type":"C","frame":1,"at":9},{"type":"C","frame":0,"at":10},
               {"type":"O","frame":2,"at":15},{"type":"C","frame":2,"at":16}]}]}
            """);

        Assert.Equal(new SampleType("samples", "count"), Assert.Single(profile.SampleTypes));
        Assert.Equal("a 3\na;b 2\na;b;c 5\nc 1\n", Folded(profile));
    }

    [Fact]
    public void Adds_up_profiles_in_the_active_unit_and_skips_the_others_with_a_warning()
    {
        var profile = Import($$"""
            {{{Schema}},"activeProfileIndex":1,"shared":{"frames":[{"name":"a"},{"name":"b"}]},"profiles":[
             {"type":"sampled","name":"thread 1","unit":"milliseconds","startValue":0,"endValue":1,"samples":[[0]],"weights":[1]},
             {"type":"sampled","name":"thread 2","unit":"milliseconds","startValue":0,"endValue":1,"samples":[[0],[0,1]],"weights":[2,4]},
             {"type":"sampled","name":"heap","unit":"bytes","startValue":0,"endValue":1,"samples":[[1]],"weights":[100]}]}
            """);

        Assert.Equal(new SampleType("time", "milliseconds"), Assert.Single(profile.SampleTypes));
        Assert.Equal("a 3\na;b 4\n", Folded(profile));
        Assert.Equal("p.json: skipped 1 profile(s) whose unit differs from 'milliseconds' ('heap' in bytes)", Assert.Single(profile.Metadata.Warnings));
    }

    [Theory]
    [InlineData("{\"shared\":{\"frames\":[]},\"profiles\":[]}", "p.json: not a valid speedscope file: '$schema' is not \"https://www.speedscope.app/file-format-schema.json\"")]
    [InlineData("{" + Schema + ",\"shared\":{\"frames\":[{\"name\":\"a\"}]},\"profiles\":[{\"type\":\"sampled\",\"name\":\"x\",\"unit\":\"none\",\"samples\":[[0],[0]],\"weights\":[1]}]}", "p.json: not a valid speedscope file: profile 0 has 2 samples but 1 weights; expected one weight per sample")]
    [InlineData("{" + Schema + ",\"shared\":{\"frames\":[{\"name\":\"a\"}]},\"profiles\":[{\"type\":\"sampled\",\"name\":\"x\",\"unit\":\"none\",\"samples\":[[0,3]],\"weights\":[1]}]}", "p.json: not a valid speedscope file: profile 0 sample 0 refers to frame 3; expected an index into the 1 shared frames")]
    [InlineData("{" + Schema + ",\"shared\":{\"frames\":[{\"name\":\"a\"}]},\"profiles\":[{\"type\":\"sampled\",\"name\":\"x\",\"unit\":\"none\",\"samples\":[[0]],\"weights\":[-1]}]}", "p.json: not a valid speedscope file: profile 0 sample 0 has weight -1; expected a non-negative number")]
    [InlineData("{" + Schema + ",\"shared\":{\"frames\":[{\"name\":\"a\"}]},\"profiles\":[{\"type\":\"evented\",\"name\":\"x\",\"unit\":\"none\",\"events\":[{\"type\":\"O\",\"frame\":0,\"at\":5},{\"type\":\"C\",\"frame\":0,\"at\":4}]}]}", "p.json: not a valid speedscope file: profile 0 event 1 is at 4, before the previous event at 5; expected events in time order")]
    [InlineData("{" + Schema + ",\"shared\":{\"frames\":[{\"name\":\"a\"}]},\"profiles\":[{\"type\":\"flame\",\"name\":\"x\"}]}", "p.json: not a valid speedscope file: profile 0 has type 'flame'; expected 'sampled' or 'evented'")]
    [InlineData("{" + Schema + ",\n\"shared\": {", "p.json:2: not valid JSON")]
    public void Bad_input_is_one_line_that_says_what_was_expected(string json, string start)
    {
        var error = Assert.Throws<InputException>(() => Import(json));
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("{" + Schema + ",\"profiles\":[]}", true)]
    [InlineData("\n  {\"exporter\":\"speedscope@1.5.0\"," + Schema + "}", true)]
    [InlineData("{\"nodes\":[{\"callFrame\":{}}]}", false)]
    [InlineData("[" + Schema + "]", false)]
    public void Probe_claims_speedscope_json_only(string text, bool expected)
    {
        Assert.Equal(expected, new SpeedscopeImporter().CanRead(Encoding.UTF8.GetBytes(text)));
    }
}
