using System.Text.Json;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Diff;

/// <summary>
/// Real CPU profiles of the Go standard library's compress/flate, five runs per side
/// (tests/Accuracy/real/go-flate/make-pairs.sh says how they were made): the same code must pass quietly,
/// and the build with a slower flate.matchLen must fail on exactly that function.
/// </summary>
public sealed class RealPairTests
{
    private static string Pair(string name) => Paths.InRepo($"tests/Accuracy/real/go-flate/pairs/{name}");

    [Fact]
    public void SameCodePasses()
    {
        var result = CliRun.Run("diff", Pair("base"), Pair("base2"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Findings(result), f => f.GetProperty("kind").GetString() != "notice");
    }

    [Fact]
    public void TheInjectedSlowdownFailsOnItsFunction()
    {
        var result = CliRun.Run("diff", Pair("base"), Pair("head"), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Findings(result), f => f.GetProperty("kind").GetString() != "notice");
        Assert.Equal(("example.com/realpair/flate.matchLen", "regression", "fail"), (finding.GetProperty("function").GetString(), finding.GetProperty("kind").GetString(), finding.GetProperty("level").GetString()));
        Assert.InRange(finding.GetProperty("change").GetDouble(), 0.2, 1.0);
    }

    private static List<JsonElement> Findings(CliRun.Result result) =>
        [.. JsonDocument.Parse(result.Out).RootElement.GetProperty("findings").EnumerateArray()];
}
