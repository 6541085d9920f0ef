using System.Text.Json;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Diff;

public sealed class DiffCommandTests
{
    [Fact]
    public void AProfileAgainstItselfPassesWithNoFindings()
    {
        var example = Paths.InRepo("samples/profiles/example.pb.gz");
        var result = CliRun.Run("diff", example, example, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() != "notice");
    }

    [Fact]
    public void ARegressionFailsAndItsSwapIsAnImprovementOfTheSameSize()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        var b = DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower);

        var forward = CliRun.Run("diff", a, b, "--format", "json");
        Assert.Equal(1, forward.ExitCode);
        var regression = Findings(forward).Single(f => f.GetProperty("kind").GetString() != "notice");
        Assert.Equal(("regexp.compile", "regression", "fail", "samples", "self", "defaults"), Keys(regression));
        Assert.Equal(0.4, regression.GetProperty("change").GetDouble(), 6);
        Assert.Equal(0.09, regression.GetProperty("base").GetDouble(), 6);
        var interval = regression.GetProperty("interval").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(interval[0] < 0.4 && interval[1] > 0.4, string.Join(", ", interval));

        var backward = CliRun.Run("diff", b, a, "--format", "json");
        Assert.Equal(0, backward.ExitCode);
        var improvement = Findings(backward).Single(f => f.GetProperty("kind").GetString() != "notice");
        Assert.Equal(("regexp.compile", "improvement", "info", "samples", "self", "defaults"), Keys(improvement));
        Assert.Equal(1.0, (1 + regression.GetProperty("change").GetDouble()) * (1 + improvement.GetProperty("change").GetDouble()), 6);
        // Shares read in each run's base units, so the share-point delta scales by the head/base cost ratio (here 1.036).
        Assert.Equal(-regression.GetProperty("delta").GetDouble(), improvement.GetProperty("delta").GetDouble() * 1.036, 2);
    }

    [Fact]
    public void TextOutputMatchesTheGoldenFile()
    {
        using var dir = new TempDir();
        var result = CliRun.Run("diff", DiffInputs.Folded(dir, "base.folded", DiffInputs.Base), DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower));
        Assert.Equal(1, result.ExitCode);
        Golden.Assert(result.Out.Replace(dir.Path, "<tmp>", StringComparison.Ordinal), "tests/ContinuousProfiler.Gate.Cli.Tests/golden/diff.regression.text");
    }

    [Fact]
    public void JsonOutputMatchesTheGoldenFile()
    {
        using var dir = new TempDir();
        var result = CliRun.Run("diff", DiffInputs.Folded(dir, "base.folded", DiffInputs.Base), DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower), "--format", "json");
        Golden.Assert(result.Out.Replace(dir.Path, "<tmp>", StringComparison.Ordinal), "tests/ContinuousProfiler.Gate.Cli.Tests/golden/diff.regression.json");
    }

    [Fact]
    public void FoldedDiffWritesBothCountsPerStack()
    {
        using var dir = new TempDir();
        var result = CliRun.Run("diff", DiffInputs.Folded(dir, "base.folded", DiffInputs.Base), DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower), "--format", "folded-diff");
        Assert.Equal(1, result.ExitCode);
        Golden.Assert(result.Out, "tests/ContinuousProfiler.Gate.Cli.Tests/golden/diff.regression.folded-diff");
        Assert.Contains("main;serve;price;regexp.compile 9000 12600\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesTheOutputFileAndOneLine()
    {
        using var dir = new TempDir();
        var output = dir.File("out/diff.json");
        var result = CliRun.Run("diff", DiffInputs.Folded(dir, "base.folded", DiffInputs.Base), DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower), "--format", "json", "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"profgate: fail (1 failure, 0 warnings); wrote {output}\n", result.Out);
        Assert.Equal("fail", JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void ComparesProfileSetsRunByRun()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Set(dir, "base-set", DiffInputs.Base, runs: 3);
        var b = DiffInputs.Set(dir, "head-set", DiffInputs.Slower, runs: 3, seed: 1);
        var result = CliRun.Run("diff", a, b, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var comparison = json.RootElement.GetProperty("comparisons").EnumerateArray().Single();
        Assert.Equal((3, 3, "service"), (comparison.GetProperty("baseRuns").GetInt32(), comparison.GetProperty("headRuns").GetInt32(), comparison.GetProperty("scenario").GetString()));
        Assert.Equal("base-set", json.RootElement.GetProperty("provenance").GetProperty("baseCommit").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("function").GetString() == "regexp.compile" && f.GetProperty("level").GetString() == "fail");
    }

    [Fact]
    public void AnEnvironmentMismatchTurnsTheFailureIntoAWarning()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Set(dir, "base-set", DiffInputs.Base, 3, new EnvironmentFingerprint { Os = "Linux", CpuModel = "A", Cores = 2 });
        var b = DiffInputs.Set(dir, "head-set", DiffInputs.Slower, 3, new EnvironmentFingerprint { Os = "Linux", CpuModel = "B", Cores = 2 }, seed: 1);
        var result = CliRun.Run("diff", a, b, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var findings = JsonDocument.Parse(result.Out).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("function").GetString() == "regexp.compile" && f.GetProperty("level").GetString() == "warn");
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "environment" && f.GetProperty("message").GetString()!.Contains("cpu: A vs B", StringComparison.Ordinal));
    }

    [Fact]
    public void UsesTheConfigFile()
    {
        using var dir = new TempDir();
        var config = dir.File("gate.yml");
        File.WriteAllText(config, "rules:\n  - match: 'regexp.*'\n    fail: 50%\n    name: regexp budget\n");
        var result = CliRun.Run("diff", DiffInputs.Folded(dir, "base.folded", DiffInputs.Base), DiffInputs.Folded(dir, "head.folded", DiffInputs.Slower), "--format", "json", "--config", config);
        Assert.Equal(0, result.ExitCode);
        var finding = Findings(result).Single(f => f.GetProperty("kind").GetString() != "notice");
        Assert.Equal(("warn", "regexp budget"), (finding.GetProperty("level").GetString(), finding.GetProperty("rule").GetString()));
    }

    private static List<JsonElement> Findings(CliRun.Result result) =>
        [.. JsonDocument.Parse(result.Out).RootElement.GetProperty("findings").EnumerateArray()];

    private static (string?, string?, string?, string?, string?, string?) Keys(JsonElement f) => (
        f.GetProperty("function").GetString(),
        f.GetProperty("kind").GetString(),
        f.GetProperty("level").GetString(),
        f.GetProperty("sampleType").GetString(),
        f.GetProperty("measure").GetString(),
        f.GetProperty("rule").GetString());
}
