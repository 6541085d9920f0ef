using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Cli.Tests.Diff;

/// <summary>Every bad input is one line on standard error, prefixed <c>profgate: </c>, and exit code 2.</summary>
public sealed class DiffBadInputTests
{
    [Fact]
    public void NoCommonSampleType()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Pprof(dir, "alloc.pb.gz", DiffInputs.Typed("main;a 10", "alloc_space", "bytes"));
        var b = DiffInputs.Pprof(dir, "cpu.pb.gz", DiffInputs.Typed("main;a 10", "cpu", "nanoseconds"));
        AssertOneLine(CliRun.Run("diff", a, b), $"profgate: no common sample type: base {a} has alloc_space/bytes but head {b} has cpu/nanoseconds; expected at least one type/unit on both sides");
    }

    [Fact]
    public void UnitMismatch()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Pprof(dir, "ns.pb.gz", DiffInputs.Typed("main;a 10", "cpu", "nanoseconds"));
        var b = DiffInputs.Pprof(dir, "us.pb.gz", DiffInputs.Typed("main;a 10", "cpu", "microseconds"));
        AssertOneLine(CliRun.Run("diff", a, b), $"profgate: unit mismatch: base {a} has cpu/nanoseconds but head {b} has cpu/microseconds; expected the same unit on both sides (convert one profile, or pick another type with --sample-type)");
    }

    [Fact]
    public void EmptyProfile()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        var b = DiffInputs.Pprof(dir, "empty.pb.gz", new Core.Model.ProfileBuilder("samples", "count").Build());
        AssertOneLine(CliRun.Run("diff", a, b), $"profgate: {b}: the profile is empty (no samples); expected a profile with at least one non-zero sample");
    }

    [Fact]
    public void EmptyFile()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        var b = dir.File("empty.txt");
        File.WriteAllText(b, "");
        var result = CliRun.Run("diff", a, b);
        AssertOneLine(result, $"profgate: {b}: the file is empty;");
    }

    [Fact]
    public void ProfileSetWithAMissingFile()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Set(dir, "base-set", DiffInputs.Base, 2);
        var b = DiffInputs.Set(dir, "head-set", DiffInputs.Base, 2);
        var missing = Directory.GetFiles(b, "*.pb.gz").Order(StringComparer.Ordinal).First();
        File.Delete(missing);
        AssertOneLine(CliRun.Run("diff", a, b), $"profgate: {missing}: missing from the ProfileSet");
    }

    [Fact]
    public void MalformedConfig()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        var config = dir.File("bad.yml");
        File.WriteAllText(config, "defaults:\n  treshold: 5%\n");
        AssertOneLine(CliRun.Run("diff", a, a, "--config", config), $"profgate: {config}:2: unknown key 'treshold'");
    }

    [Fact]
    public void MissingConfigFile()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        AssertOneLine(CliRun.Run("diff", a, a, "--config", dir.File("none.yml")), $"profgate: {dir.File("none.yml")}: config file not found");
    }

    [Fact]
    public void UnknownSampleType()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        AssertOneLine(CliRun.Run("diff", a, a, "--sample-type", "alloc_space"), $"profgate: {a}: no sample type 'alloc_space'; this profile has: samples/count");
    }

    [Fact]
    public void MissingFile()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        AssertOneLine(CliRun.Run("diff", a, dir.File("nope.pb.gz")), $"profgate: {dir.File("nope.pb.gz")}: cannot read the file");
    }

    [Fact]
    public void UnknownFormat()
    {
        using var dir = new TempDir();
        var a = DiffInputs.Folded(dir, "base.folded", DiffInputs.Base);
        var result = CliRun.Run("diff", a, a, "--format", "xml");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("profgate: ", result.ErrorLines[0], StringComparison.Ordinal);
    }

    private static void AssertOneLine(CliRun.Result result, string expectedStart)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
    }
}
