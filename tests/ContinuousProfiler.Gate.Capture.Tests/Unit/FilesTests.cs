using ContinuousProfiler.Gate.Capture.Files;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

public sealed class FilesTests
{
    [Theory]
    [InlineData("*.pb.gz", "cpu.pb.gz", true)]
    [InlineData("*.pb.gz", "sub/cpu.pb.gz", false)]
    [InlineData("**/*.pb.gz", "cpu.pb.gz", true)]
    [InlineData("**/*.pb.gz", "a/b/cpu.pb.gz", true)]
    [InlineData("out/bench-?.json", "out/bench-1.json", true)]
    [InlineData("out/bench-?.json", "out/bench-12.json", false)]
    [InlineData("out/**", "out/x/y.txt", true)]
    public void GlobMatches(string pattern, string path, bool expected) => Assert.Equal(expected, new GlobPattern(pattern).IsMatch(path));

    [Fact]
    public void GlobFindsFilesUnderItsLiteralRoot()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("out/deep"));
        File.WriteAllText(temp.File("out/a.pb.gz"), "");
        File.WriteAllText(temp.File("out/deep/b.pb.gz"), "");
        File.WriteAllText(temp.File("c.pb.gz"), "");

        Assert.Equal([temp.File("out/a.pb.gz"), temp.File("out/deep/b.pb.gz")], new GlobPattern("out/**/*.pb.gz").Find(temp.Path));
    }

    [Theory]
    [InlineData("/x/cpu.pb.gz", "cpu")]
    [InlineData("BenchA.speedscope.json", "BenchA")]
    [InlineData("Sample.Bench.cpuprofile", "Sample.Bench")]
    [InlineData("trace-123.nettrace", "trace-123")]
    [InlineData(".gz", ".gz")]
    public void StemDropsProfileExtensions(string path, string stem) => Assert.Equal(stem, ProfileFileNames.Stem(path));
}
