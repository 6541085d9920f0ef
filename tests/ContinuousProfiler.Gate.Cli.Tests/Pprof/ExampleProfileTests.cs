using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Formats.Pprof;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Pprof;

/// <summary>The shipped example profile is exactly the hand-written <see cref="ExampleProfile"/>.</summary>
public sealed class ExampleProfileTests
{
    [Fact]
    public void ShippedExampleMatchesItsDefinition()
    {
        var expected = ExampleProfile.Build();
        var path = Paths.InRepo(ExampleProfile.RepoPath);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            ProfileWriter.Write(expected, new PprofExporter(), path);
        }

        var shipped = ProfileReader.Read(path);
        Assert.Equal(expected.SampleTypes.ToArray(), shipped.SampleTypes.ToArray());
        Assert.Equal(expected.DefaultSampleType, shipped.DefaultSampleType);
        Assert.Equal(expected.Metadata.Period, shipped.Metadata.Period);
        Assert.Equal(expected.Metadata.DurationNanos, shipped.Metadata.DurationNanos);
        Assert.Equal(Describe(expected), Describe(shipped));
    }

    [PprofFact]
    public void GoToolPprofReadsTheExample()
    {
        var profile = ExampleProfile.Build();
        var oracle = PprofTopOracle.Run(Paths.InRepo(ExampleProfile.RepoPath), 1, "nanoseconds");
        Assert.Equal(profile.Total(1), oracle.Total);
        Assert.Equal(4_580_000_000, profile.Total(1));
        Assert.Equal((1_210_000_000, 1_210_000_000), oracle.Functions["regexp.(*Regexp).backtrack"]);
    }

    private static string[] Describe(Profile profile) =>
        [.. profile.Samples
            .Select(s => string.Join(";", profile.StackOf(s).Select(f => $"{f.Name}@{f.Module}:{f.File}:{f.Line}")) + " " + string.Join(",", s.Values))
            .Order(StringComparer.Ordinal)];
}
