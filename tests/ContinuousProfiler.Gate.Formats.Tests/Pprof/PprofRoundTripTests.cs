using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.Pprof;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>pprof → model → pprof keeps every stack, sample type, value, name, module, file and line.</summary>
public sealed class PprofRoundTripTests
{
    [CorpusTheory]
    [MemberData(nameof(PprofCorpus.ValidFiles), MemberType = typeof(PprofCorpus))]
    public void CorpusProfilesSurviveExportAndImport(string file)
    {
        var original = ProfileReader.Read(Paths.CorpusFile(file));
        var copy = RoundTrip(original);

        Assert.Equal(original.SampleTypes.ToArray(), copy.SampleTypes.ToArray());
        Assert.Equal(original.DefaultSampleType, copy.DefaultSampleType);
        Assert.Equal(original.Metadata.Period, copy.Metadata.Period);
        Assert.Equal(original.Metadata.PeriodType, copy.Metadata.PeriodType);
        Assert.Equal(original.Metadata.DurationNanos, copy.Metadata.DurationNanos);
        Assert.Equal(original.Metadata.TimeNanos, copy.Metadata.TimeNanos);
        Assert.Equal(original.Metadata.Comments.ToArray(), copy.Metadata.Comments.ToArray());
        var expected = Stacks(original);
        Assert.Equal(expected.Count, original.Samples.Length);
        Assert.Equal(expected, Stacks(copy));
    }

    [PprofCorpusTheory]
    [MemberData(nameof(PprofCorpus.ValidFiles), MemberType = typeof(PprofCorpus))]
    public void GoToolPprofReadsOurExportWithTheSameTotalsAndFunctions(string file)
    {
        var profile = ProfileReader.Read(Paths.CorpusFile(file));
        using var temp = new TempDir();
        var exported = temp.File("export.pb.gz");
        ProfileWriter.Write(profile, new PprofExporter(), exported);

        for (var type = 0; type < profile.SampleTypes.Length; type++)
        {
            var oracle = PprofTopOracle.Run(exported, type, profile.SampleTypes[type].Unit);
            var summary = FunctionSummary.Compute(profile, type);
            Assert.Equal(summary.Total, oracle.Total);
            var ours = summary.Functions.Where(f => f.Total != 0 || f.Self != 0).ToDictionary(f => f.Name, f => (f.Self, f.Total), StringComparer.Ordinal);
            var theirs = oracle.Functions.Where(f => f.Value.Flat != 0 || f.Value.Cum != 0).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            Assert.Equal(ours.OrderBy(f => f.Key, StringComparer.Ordinal), theirs.OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void HandBuiltProfileKeepsModulesFilesLinesAndEmptyStacks()
    {
        var builder = new ProfileBuilder([new SampleType("alloc_objects", "count"), new SampleType("alloc_space", "bytes")], defaultSampleType: 1)
        {
            Metadata = ProfileMetadata.Empty with { Period = 524288, PeriodType = new SampleType("space", "bytes"), Comments = ["note"] },
        };
        Frame[] stack = [new("main", "/bin/app", "main.go", 3), new("alloc", null, "alloc.go", 0), new("grow", "libc.so.6")];
        builder.AddSample(stack, 2, 4096);
        builder.AddSample(stack[..1], 1, 100);
        builder.AddSample([], 5, 50);
        var original = builder.Build();

        var copy = RoundTrip(original);

        Assert.Equal(Stacks(original), Stacks(copy));
        Assert.Equal(1, copy.DefaultSampleType);
        Assert.Equal(["note"], copy.Metadata.Comments.ToArray());
        Assert.Contains(new Frame("grow", "libc.so.6"), copy.Frames);
    }

    private static Profile RoundTrip(Profile profile)
    {
        using var stream = new MemoryStream();
        new PprofExporter().Export(profile, stream);
        var bytes = stream.ToArray();
        Assert.Equal(0x1f, bytes[0]);
        Assert.Equal(0x8b, bytes[1]);
        return ProfileReader.Read(new MemoryStream(bytes), "roundtrip.pb.gz");
    }

    /// <summary>Every stack with every frame's full identity, and its values.</summary>
    private static SortedDictionary<string, string> Stacks(Profile profile)
    {
        var stacks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var sample in profile.Samples)
        {
            var key = string.Join(" <- ", profile.StackOf(sample).Select(f => $"{f.Name}|{f.Module}|{f.File}|{f.Line}"));
            stacks.Add(key, string.Join(",", sample.Values));
        }

        return stacks;
    }
}
