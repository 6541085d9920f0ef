using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.EndToEnd;

/// <summary>The files route (the command writes its own profiles) and <c>profgate import</c>.</summary>
public sealed class FilesAndImportTests
{
    [Fact]
    public void CollectGathersOneScenarioPerFileStemPerRun()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("out"));
        File.WriteAllText(temp.File("out/old.folded"), "stale;frame 1\n");
        File.SetLastWriteTimeUtc(temp.File("out/old.folded"), DateTime.UtcNow.AddHours(-1));

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "files", "--collect", "out/*.folded", "--repeat", "2", "-o", "set", "--",
            "sh", "-c", "printf 'main;parse 3\\nmain;render 1\\n' > out/cpu.folded; printf 'main;alloc 5\\n' > out/heap.folded");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var set = ProfileSetReader.Read(temp.File("set"));
        Assert.Equal(["cpu", "heap"], set.Manifest.Scenarios.Select(s => s.Name));
        Assert.Equal("files", set.Manifest.Profiler);
        Assert.All(set.Scenarios, s => Assert.Equal(2, s.Runs.Length));
        Assert.Equal(4, set.Scenarios[0].Runs[1].Total(0));
    }

    [Fact]
    public void CollectThatMatchesNothingIsOneLine()
    {
        using var temp = new TempDir();

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "files", "--collect", "out/*.pb.gz", "-o", "set", "--", "true");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("profgate: no profile files matched --collect out/*.pb.gz", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("set")));
    }

    private const string EmptySpeedscope = """{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[]},"profiles":[{"type":"sampled","name":"x","unit":"none","startValue":0,"endValue":0,"samples":[],"weights":[]}]}""";

    [Fact]
    public void CollectedProfilesWithoutSamplesAreOneNoSamplesLine()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("empty.json"), EmptySpeedscope);

        var result = ProfgateProcess.Run(temp.Path, "capture", "--profiler", "files", "--collect", "out/*.json", "-o", "set", "--", "sh", "-c", "mkdir -p out && cp empty.json out/cpu.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("profgate: the 1 profile file(s) matching --collect out/*.json hold no samples; expected at least one sample: give the command more work so its profiler samples it", result.StdErr.Trim());
        Assert.False(Directory.Exists(temp.File("set")));
    }

    [Theory]
    [InlineData("empty.json", EmptySpeedscope, "profgate: import: empty.json: no samples in any of these profiles; expected at least one profile with samples")]
    [InlineData("cpu.folded", "# no stacks\n\n", "profgate: cpu.folded: no samples, only blank and '#' comment lines; expected a profile with samples")]
    [InlineData("perf.txt", "# ========\n# captured on    : Fri Nov 27 17:22:09 2026\n# ========\n#\n", "profgate: perf.txt: no samples, only blank and '#' comment lines; expected a profile with samples")]
    [InlineData("cpu.folded", "", "profgate: cpu.folded: the file is empty; expected a profile with samples")]
    public void ImportOfAProfileWithoutSamplesIsOneNoSamplesLine(string file, string text, string prefix)
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File(file), text);

        var result = ProfgateProcess.Run(temp.Path, "import", file, "-o", "set");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(prefix, line.Replace(temp.Path + "/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("set")));
    }

    [Fact]
    public void ImportBuildsASetWithCommitAndBranchFromGit()
    {
        using var repo = new GitRepo();
        repo.Write("a.folded", "main;a 2\n");
        var sha = repo.Commit("profiles");
        repo.Write("b.folded", "main;b 3\n");
        Directory.CreateDirectory(Path.Combine(repo.Path, "again"));
        repo.Write("again/a.folded", "main;a 4\n");

        var result = ProfgateProcess.Run(repo.Path, "import", "a.folded", "b.folded", "again/a.folded", "-o", "set");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var set = ProfileSetReader.Read(Path.Combine(repo.Path, "set"));
        Assert.Equal(sha, set.Manifest.Commit);
        Assert.NotNull(set.Manifest.Branch);
        Assert.Equal("import", set.Manifest.Profiler);
        Assert.Equal(["a", "b"], set.Manifest.Scenarios.Select(s => s.Name));
        Assert.Equal([2.0, 4.0], set.Scenarios[0].Runs.Select(p => p.Total(0)));
    }

    [Fact]
    public void ImportWithNameAndCommit()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("x.folded"), "main;x 2\n");
        File.WriteAllText(temp.File("y.folded"), "main;y 2\n");

        var result = ProfgateProcess.Run(temp.Path, "import", "x.folded", "y.folded", "-o", "set", "--name", "suite", "--commit", "ABCDEF1234567");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var manifest = ProfileSetReader.ReadManifest(temp.File("set"));
        Assert.Equal("abcdef1234567", manifest.Commit);
        Assert.Equal("suite", manifest.Group);
        Assert.Equal(2, Assert.Single(manifest.Scenarios).Runs.Length);
    }

    [Fact]
    public void ImportOfAMissingOrBadFileIsOneLineAndNoSet()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("bad.pb.gz"), "not gzip at all");

        var missing = ProfgateProcess.Run(temp.Path, "import", "nope.folded", "-o", "set");
        var badCommit = ProfgateProcess.Run(temp.Path, "import", "bad.pb.gz", "-o", "set", "--commit", "xyz");

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("profgate: nope.folded: no such profile file; check the path", missing.StdErr.Trim());
        Assert.Equal(2, badCommit.ExitCode);
        Assert.StartsWith("profgate: --commit xyz: expected a commit SHA", badCommit.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("set")));
    }
}
