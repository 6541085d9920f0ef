using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Speedscope;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>
/// speedscope's own file-format import snapshots (per profile, per frame self/total), its invalid samples,
/// and grafana-pyroscope's speedscope test data (folded values quoted in its SOURCE.md).
/// </summary>
public sealed class SpeedscopeFileConformanceTests
{
    private const string Snapshot = "jlfwong-speedscope/src/lib/__snapshots__/file-format.test.ts.snap";
    private const string Samples = "jlfwong-speedscope/sample/profiles/speedscope/";
    private const string Pyroscope = "grafana-pyroscope/pkg/og/convert/speedscope/testdata/";

    [CorpusTheory]
    [InlineData("0.0.1/simple.speedscope.json", "importSpeedscopeProfiles 0.0.1 evented profile 1", 0)]
    [InlineData("0.0.1/simple-no-pretty-print.speedscope.json", "importSpeedscopeProfiles 0.0.1 evented profile (no pretty print) 1", 0)]
    [InlineData("0.1.2/simple-sampled.speedscope.json", "importSpeedscopeProfiles 0.1.2 sampled profile 1", 0)]
    [InlineData("0.6.0/two-sampled.speedscope.json", "importSpeedscopeProfiles 0.6.0 multiple profiles 1", 0)]
    [InlineData("0.6.0/two-sampled.speedscope.json", "importSpeedscopeProfiles 0.6.0 multiple profiles 2", 1)]
    public void Frame_weights_match_the_snapshot(string file, string export, int profileIndex)
    {
        var expected = SpeedscopeSnapshot.Load(Paths.CorpusFile(Snapshot))[export];
        using var input = File.OpenRead(Paths.CorpusFile(Samples + file));
        var (name, profile) = SpeedscopeImporter.ImportEach(input, file)[profileIndex];

        Assert.Equal(expected.Name, name);
        var actual = FunctionSummary.Compute(profile, 0).Functions.ToDictionary(f => f.Name);
        Assert.Equal(expected.Frames.Select(f => f.Name).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var frame in expected.Frames)
        {
            Assert.Equal((frame.Name, frame.SelfWeight, frame.TotalWeight), (frame.Name, actual[frame.Name].Self, actual[frame.Name].Total));
        }
    }

    [CorpusFact]
    public void The_active_profiles_unit_decides_and_threads_add_up()
    {
        var profile = ProfileReader.Read(Paths.CorpusFile(Samples + "0.6.0/two-sampled.speedscope.json"));

        Assert.Equal("speedscope@0.6.0", profile.Metadata.Producer);
        Assert.Equal(new SampleType("time", "seconds"), Assert.Single(profile.SampleTypes));
        Assert.Equal("a;b 10\na;b;c 10\na;b;d 8\n", Folded(profile));
    }

    [CorpusTheory]
    [InlineData("invalid/incomplete-trace.json", "ends with 1 frame(s) still open; expected a close event for every open event")]
    [InlineData("invalid/out-of-order-events.json", "closes frame 1 at 4 while frame 0 is open on top; expected close events in the reverse order of their opens")]
    public void Invalid_samples_are_rejected_like_speedscope_rejects_them(string file, string message)
    {
        var error = Assert.Throws<InputException>(() => ProfileReader.Read(Paths.CorpusFile(Samples + file)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(Paths.CorpusFile(Samples + file) + ": not a valid speedscope file: profile 0 ", error.Message, StringComparison.Ordinal);
    }

    [CorpusTheory]
    [InlineData("simple.speedscope.json", 1)]
    [InlineData("two-sampled.speedscope.json", 2)]
    [InlineData("two-sampled-bytes.speedscope.json", 2)]
    [InlineData("duplicates.speedscope.json", 3)]
    public void Pyroscope_test_data_gives_the_quoted_folded_values_per_profile(string file, int profiles)
    {
        using var input = File.OpenRead(Paths.CorpusFile(Pyroscope + file));
        var each = SpeedscopeImporter.ImportEach(input, file);

        Assert.Equal(profiles, each.Count);
        foreach (var (_, profile) in each)
        {
            Assert.Equal("a;b 5\na;b;c 5\na;b;d 4\n", Folded(profile));
        }
    }

    private static string Folded(Profile profile)
    {
        var writer = new StringWriter();
        FoldedExporter.Write(profile, writer);
        return writer.ToString();
    }
}
