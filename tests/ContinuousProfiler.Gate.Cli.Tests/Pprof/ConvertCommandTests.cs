using ContinuousProfiler.Gate.Cli.Conversion;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Pprof;

/// <summary><c>profgate convert</c> with every registered exporter.</summary>
public sealed class ConvertCommandTests
{
    private static readonly string Example = Paths.InRepo(ExampleProfile.RepoPath);

    public static TheoryData<string> Exporters() => [.. FormatRegistry.Exporters.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Exporters))]
    public void ConvertsWithEachRegisteredExporterAndReadsBack(string format)
    {
        using var temp = new TempDir();
        var output = temp.File("out.bin");
        var result = CliRun.Run("convert", Example, "-o", output, "--to", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal($"wrote {output} ({format})\n", result.Out);
        var back = ProfileReader.Read(output);
        var original = ProfileReader.Read(Example);
        var type = back.FindSampleType("cpu") is >= 0 and var cpu ? cpu : back.DefaultSampleType;
        Assert.Equal(original.Total(1), back.Total(type));
        Assert.Equal([output], Directory.GetFiles(temp.Path));
    }

    [Theory]
    [MemberData(nameof(Exporters))]
    public void ChoosesTheExporterFromTheOutputExtension(string format)
    {
        var exporter = FormatRegistry.Exporter(format);
        Assert.Same(exporter, ProfileConverter.ChooseExporter("profiles/run1" + exporter.Extension.ToUpperInvariant(), to: null));
    }

    [Fact]
    public void UnknownExtensionDefaultsToGzippedPprof()
    {
        using var temp = new TempDir();
        var output = temp.File("profile.data");
        Assert.Equal(0, CliRun.Run("convert", Example, "-o", output).ExitCode);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.Equal(ProfileReader.Read(Example).Samples.Length, ProfileReader.Read(output).Samples.Length);
    }

    [Fact]
    public void PprofToPprofKeepsTheTopTable()
    {
        using var temp = new TempDir();
        var output = temp.File("copy.pb.gz");
        Assert.Equal(0, CliRun.Run("convert", Example, "-o", output).ExitCode);
        var before = CliRun.Run("top", Example, "-n", "0").Out.Replace("example.pb.gz", "X", StringComparison.Ordinal);
        var after = CliRun.Run("top", output, "-n", "0").Out.Replace("copy.pb.gz", "X", StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public void UnknownFormatNameListsTheChoices()
    {
        using var temp = new TempDir();
        var result = CliRun.Run("convert", Example, "-o", temp.File("x"), "--to", "svg");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("profgate: unknown output format 'svg'; expected one of: pprof", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void MissingOutputOptionIsAUsageError()
    {
        var result = CliRun.Run("convert", Example);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }
}
