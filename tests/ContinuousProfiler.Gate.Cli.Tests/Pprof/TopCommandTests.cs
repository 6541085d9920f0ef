using System.Text.Json;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Pprof;

/// <summary><c>profgate top</c> on the shipped example, against golden files.</summary>
public sealed class TopCommandTests
{
    private static readonly string Example = Paths.InRepo(ExampleProfile.RepoPath);

    [Theory]
    [InlineData("top.self.text", new string[0])]
    [InlineData("top.total.n5.text", new[] { "--by", "total", "-n", "5" })]
    [InlineData("top.samples.all.text", new[] { "--sample-type", "samples", "-n", "0" })]
    [InlineData("top.self.json", new[] { "--format", "json" })]
    [InlineData("top.total.n3.json", new[] { "--format", "json", "--by", "total", "--count", "3" })]
    public void MatchesGolden(string golden, string[] options)
    {
        var result = CliRun.Run(["top", Example, .. options]);
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Golden.Assert(result.Out.Replace(Example, ExampleProfile.RepoPath, StringComparison.Ordinal), $"tests/ContinuousProfiler.Gate.Cli.Tests/golden/{golden}");
    }

    [Fact]
    public void JsonHasExactlyTheDocumentedShapeSortedByTheMeasure()
    {
        var result = CliRun.Run("top", Example, "--format", "json", "--by", "total", "-n", "0");
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(["sampleType", "unit", "total", "functions"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("cpu", root.GetProperty("sampleType").GetString());
        Assert.Equal("nanoseconds", root.GetProperty("unit").GetString());
        Assert.Equal(4_580_000_000, root.GetProperty("total").GetDouble());
        var functions = root.GetProperty("functions").EnumerateArray().ToArray();
        Assert.Equal(42, functions.Length);
        Assert.All(functions, f => Assert.Equal(["name", "self", "total"], f.EnumerateObject().Select(p => p.Name).ToArray()));
        var totals = functions.Select(f => f.GetProperty("total").GetDouble()).ToArray();
        Assert.Equal(totals.OrderByDescending(t => t).ToArray(), totals);
        Assert.Equal("runtime.goexit", functions[0].GetProperty("name").GetString());
    }

    [Fact]
    public void UnknownSampleTypeIsAUsageError()
    {
        var result = CliRun.Run("top", Example, "--sample-type", "alloc_space");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"profgate: {Example}: no sample type 'alloc_space'; this profile has: samples/count, cpu/nanoseconds", Assert.Single(result.ErrorLines));
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("--by", "leaf")]
    [InlineData("--format", "xml")]
    [InlineData("-n", "many")]
    public void BadOptionValuesExitWithTwo(string option, string value)
    {
        var result = CliRun.Run("top", Example, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("profgate: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
