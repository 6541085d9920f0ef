using System.Globalization;
using System.IO.Compression;
using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats.NetTrace;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.NetTrace;

public sealed class NetTraceImporterTests(HotAppTrace hotApp) : IClassFixture<HotAppTrace>
{
    private const string Inputs = "microsoft-perfview/src/TraceEvent/TraceEvent.Tests/inputs/";

    [CorpusTheory]
    [InlineData("speedscope/only_managed_samples.nettrace.zip")]
    [InlineData("speedscope/mixed_managed_external_samples.nettrace.zip")]
    public void CorpusTracesImportWithResolvedMethodNames(string zip)
    {
        using var temp = new TempDir();
        var trace = Unzip(zip, temp);

        var profile = ProfileReader.Read(trace);

        Assert.Equal("nettrace", profile.Metadata.Producer);
        Assert.Equal(new SampleType("cpu", "samples"), profile.SampleTypes.Single());
        Assert.True(profile.Total(0) > 1000, $"only {profile.Total(0)} samples");
        Assert.DoesNotContain(profile.Frames, f => f.Name == Frame.UnresolvedName);
        Assert.All(profile.Frames, f => Assert.Equal(f.Module?.ToLowerInvariant(), f.Module));
        var top = FunctionSummary.Compute(profile, 0).Functions.MaxBy(f => f.Self)!;
        Assert.Equal("NoNativeStacks.Program.FindByte(value class System.Numerics.Vector`1<unsigned int8>&)", top.Name);
        Golden.Assert(Folded(profile), $"tests/ContinuousProfiler.Gate.Formats.Tests/golden/nettrace/{Path.GetFileNameWithoutExtension(trace)}.folded");
    }

    [CorpusFact]
    public void MixedTraceKeepsOnlyManagedSamples()
    {
        using var temp = new TempDir();
        var profile = ProfileReader.Read(Unzip("speedscope/mixed_managed_external_samples.nettrace.zip", temp));

        Assert.Equal(3904, profile.Total(0));
        Assert.Contains(profile.Metadata.Comments, c => c.Contains("external (preemptive) samples skipped: 2427", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void TraceWithoutSamplesGivesAnEmptyProfile()
    {
        using var temp = new TempDir();
        var profile = ProfileReader.Read(Unzip("eventpipe-dotnetcore6.0-win-x64-executioncheckpoints.nettrace.zip", temp));

        Assert.Equal(0, profile.Total(0));
        Assert.Empty(profile.Samples);
    }

    [CorpusFact]
    public void TruncatedTraceKeepsItsSamplesAsUnresolvedAndWarns()
    {
        using var temp = new TempDir();
        var full = File.ReadAllBytes(Unzip("speedscope/only_managed_samples.nettrace.zip", temp));
        var cut = temp.File("cut.nettrace");
        File.WriteAllBytes(cut, full[..(full.Length * 6 / 10)]);

        var profile = ProfileReader.Read(cut);

        Assert.True(profile.Total(0) > 1000);
        Assert.Contains(profile.Frames, f => f.Name == Frame.UnresolvedName);
        Assert.Contains(profile.Metadata.Warnings, w => w.Contains("unresolved frame", StringComparison.Ordinal));
    }

    [Fact]
    public void GarbageAfterTheMagicIsOneLineInputError()
    {
        var bytes = Encoding.ASCII.GetBytes("Nettrace").Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))).ToArray();

        var error = Assert.Throws<InputException>(() => ProfileReader.Read(new MemoryStream(bytes), "junk.nettrace"));

        Assert.StartsWith("junk.nettrace: cannot read the EventPipe trace", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ContentProbeNeedsTheMagic()
    {
        var importer = new NetTraceImporter();

        Assert.True(importer.CanRead("Nettrace\u0014\0\0\0!FastSerialization.1"u8));
        Assert.False(importer.CanRead("nettrace"u8));
        Assert.False(importer.CanRead("main;foo 1\n"u8));
    }

    [Fact]
    public void OwnCaptureFindsTheHotFunctionAtHalfTheWork()
    {
        var profile = new NetTraceImporter().Import(hotApp.TracePath);

        var summary = FunctionSummary.Compute(profile, 0).Functions.ToDictionary(f => f.Name);
        var outer = summary["Work.Outer()"].Total;
        Assert.True(outer / profile.Total(0) > 0.8, $"Work.Outer holds only {outer / profile.Total(0):P0} of {profile.Total(0)} samples");
        AssertShare(summary["Work.Hot(int32)"].Self / outer, 0.50);
        // The hot function is the contract (about half, ±5 points). Warm and cool split the rest; on a loaded 2-core
        // machine safepoint bias moves a few points between them, so they are checked for order and rough size.
        var warm = summary["Work.Warm(int32)"].Self / outer;
        var cool = summary["Work.Cool(int32)"].Self / outer;
        Assert.True(warm > cool && Math.Abs(warm - 0.30) <= 0.10 && Math.Abs(cool - 0.20) <= 0.10, $"warm {warm:P1} (expected ~30%), cool {cool:P1} (expected ~20%)");
        Assert.Equal("hotapp", profile.Frames.First(f => f.Name == "Work.Hot(int32)").Module);
    }

    [Fact]
    public void OwnCaptureHasAllocationSampleTypesChargedToTheAllocatingMethod()
    {
        var profile = new NetTraceImporter().Import(hotApp.TracePath);

        Assert.Equal(["cpu/samples", "alloc_objects/count", "alloc_space/bytes", "alloc_samples/count"], profile.SampleTypes.Select(t => t.ToString()));
        // alloc_samples counts the sampled events (about one per 100 KB): what the upscaled columns' precision rests on.
        var events = profile.Total(3);
        Assert.InRange(events, profile.Total(2) / (100 * 1024) * 0.8, profile.Total(2) / (100 * 1024) * 1.2);
        Assert.All(profile.Samples, s => Assert.Equal(s.Values[2] > 0, s.Values[3] >= 1));
        var bytes = FunctionSummary.Compute(profile, 2).Functions.ToDictionary(f => f.Name);
        var share = bytes["Work.Allocate()"].Self / profile.Total(2);
        Assert.True(share > 0.9, $"Work.Allocate holds {share:P1} of allocated bytes");

        // 4500 rounds × 64 arrays × 1,024 bytes (1,000 + header): the unbiased estimate is within 10%.
        var expected = 4500.0 * 64 * 1024;
        Assert.InRange(bytes["Work.Allocate()"].Self, expected * 0.9, expected * 1.1);
    }

    private static void AssertShare(double actual, double expected) =>
        Assert.True(Math.Abs(actual - expected) <= 0.05, $"share {actual:P1}, expected {expected:P0} ± 5 points");

    private static string Unzip(string zip, TempDir temp)
    {
        ZipFile.ExtractToDirectory(Paths.CorpusFile(Inputs + zip), temp.Path);
        return Directory.GetFiles(temp.Path, "*.nettrace").Single();
    }

    private static string Folded(Profile profile)
    {
        var lines = profile.Samples
            .Select(s => string.Join(";", profile.StackOf(s)) + " " + s.Values[0].ToString(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal);
        return string.Join("\n", lines) + "\n";
    }
}
