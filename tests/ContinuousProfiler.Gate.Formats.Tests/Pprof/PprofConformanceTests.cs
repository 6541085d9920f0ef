using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>Every pprof file of the corpus against the real <c>go tool pprof -top</c>.</summary>
public sealed class PprofConformanceTests
{
    [PprofCorpusTheory]
    [MemberData(nameof(PprofCorpus.ValidFiles), MemberType = typeof(PprofCorpus))]
    public void TotalsAndFunctionsMatchGoToolPprof(string file)
    {
        var path = Paths.CorpusFile(file);
        var profile = ProfileReader.Read(path);
        Assert.Equal("pprof", profile.Metadata.Producer);
        for (var type = 0; type < profile.SampleTypes.Length; type++)
        {
            var oracle = PprofTopOracle.Run(path, type, profile.SampleTypes[type].Unit);
            var summary = FunctionSummary.Compute(profile, type, PprofNames.Of);
            var context = $"{file} sample type {profile.SampleTypes[type]}";
            AssertClose(oracle.Total, summary.Total, $"{context}: total");

            var ours = summary.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var (name, (flat, cum)) in oracle.Functions)
            {
                if (!ours.TryGetValue(name, out var stat))
                {
                    Assert.True(flat == 0 && cum == 0, $"{context}: pprof lists '{name}' ({flat}/{cum}) but profgate does not");
                    continue;
                }

                AssertClose(flat, stat.Self, $"{context}: flat of '{name}'");
                AssertClose(cum, stat.Total, $"{context}: cum of '{name}'");
            }

            foreach (var stat in summary.Functions)
            {
                Assert.True(oracle.Functions.ContainsKey(stat.Name), $"{context}: profgate has '{stat.Name}' ({stat.Self}/{stat.Total}) but pprof does not list it");
            }
        }
    }

    [CorpusTheory]
    [MemberData(nameof(PprofCorpus.RejectedFiles), MemberType = typeof(PprofCorpus))]
    public void MalformedFilesAreRejectedWithOneLine(string file, string expected)
    {
        var path = Paths.CorpusFile(file);
        var error = Assert.Throws<InputException>(() => ProfileReader.Read(path));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [CorpusTheory]
    [MemberData(nameof(PprofCorpus.LegacyFiles), MemberType = typeof(PprofCorpus))]
    public void LegacyFilesAreRejectedWithTheConvertCommand(string file)
    {
        var path = Paths.CorpusFile(file);
        var error = Assert.Throws<InputException>(() => ProfileReader.Read(path));
        Assert.Equal(ExitCodes.InputError, error.ExitCode);
        Assert.Contains($"legacy (pre-protobuf) pprof", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"convert with: go tool pprof -proto {path} > {path}.pb.gz", error.Message, StringComparison.Ordinal);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        // pprof prints integers in the profile's own unit (two decimals at most), so allow only rounding.
        var tolerance = Math.Max(0.006, Math.Abs(expected) * 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: pprof says {expected}, profgate says {actual}");
    }
}
