using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Store.Tests.Sets;

public sealed class ProfileSetWriterTests
{
    internal static readonly ProfileSetManifest Manifest = new()
    {
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Branch = "main",
        Group = "bench",
        ToolVersion = "0.1.0",
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        WriterId = "writer-a",
        Command = "dotnet run -c Release",
        Profiler = "dotnet",
        Environment = new EnvironmentFingerprint
        {
            Os = "Linux 6.1",
            CpuModel = "Test CPU",
            Cores = 2,
            Runtime = ".NET 10.0.0",
            Settings = ImmutableSortedDictionary<string, string>.Empty.Add("DOTNET_TieredPGO", "1"),
        },
        Scenarios = [new ScenarioEntry("parse", [new RunEntry("", 0, 120.5, 110), new RunEntry("", 0, 118, 109.25)], [new TimingRun(100, 95.5)], 0.01)],
        Properties = ImmutableSortedDictionary<string, string>.Empty.Add("pr", "7"),
    };

    internal static Dictionary<string, IReadOnlyList<Profile>> Profiles(string marker = "A") => new(StringComparer.Ordinal)
    {
        ["parse"] = [TestProfiles.FromFolded($"main;parse;{marker} 30\nmain;emit 10"), TestProfiles.FromFolded($"main;parse;{marker} 28\nmain;emit 12")],
        ["render page/1"] = [TestProfiles.FromFolded($"main;render;{marker} 5")],
    };

    [Fact]
    public void Manifest_is_deterministic_camel_case_and_golden()
    {
        using var temp = new TempDir();
        var first = temp.File("one");
        var second = temp.File("two");
        ProfileSetWriter.Write(Manifest, Profiles(), first);
        ProfileSetWriter.Write(Manifest, Profiles(), second);

        var json = File.ReadAllText(Path.Combine(first, "manifest.json"));
        Assert.Equal(json, File.ReadAllText(Path.Combine(second, "manifest.json")));
        Assert.DoesNotContain("isUnknown", json, StringComparison.Ordinal);
        Golden.Assert(json, "tests/ContinuousProfiler.Gate.Store.Tests/golden/manifest.json");
        Assert.Equal(
            ["manifest.json", "parse.1.pb.gz", "parse.2.pb.gz", "render_page_1.1.pb.gz"],
            Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Round_trip_keeps_manifest_runs_and_profiles()
    {
        using var temp = new TempDir();
        var dir = temp.File("set");
        var written = ProfileSetWriter.Write(Manifest, Profiles(), dir);
        var loaded = ProfileSetReader.Read(dir);

        Assert.Equal(written.WriterId, loaded.Manifest.WriterId);
        Assert.Equal(Manifest.Environment.Differences(loaded.Manifest.Environment), []);
        Assert.Equal(["parse", "render page/1"], loaded.Scenarios.Select(s => s.Name));
        var parse = loaded.Scenarios[0];
        Assert.Equal(2, parse.Runs.Length);
        Assert.Equal(new TimingRun(100, 95.5), Assert.Single(parse.Timings));
        Assert.Equal(40, parse.Runs[0].Total(0));
        Assert.Equal("parse", parse.Runs[1].Metadata.Scenario);
        var entry = loaded.Manifest.Scenarios[0];
        Assert.Equal(new RunEntry("parse.1.pb.gz", 40, 120.5, 110), entry.Runs[0]);
        Assert.Equal(0.01, entry.UnresolvedShare);
        Assert.Equal("7", loaded.Manifest.Properties["pr"]);
    }

    [Fact]
    public void Defaults_are_filled_when_the_manifest_leaves_them_empty()
    {
        using var temp = new TempDir();
        var written = ProfileSetWriter.Write(new ProfileSetManifest(), Profiles(), temp.File("set"));
        Assert.Equal(32, written.WriterId.Length);
        Assert.NotEqual(default, written.CreatedAt);
        Assert.NotEmpty(written.ToolVersion);
        Assert.Equal(2, written.Scenarios.Length);
    }

    [Fact]
    public void An_existing_set_is_replaced_whole_and_no_temporary_folder_stays()
    {
        using var temp = new TempDir();
        var dir = temp.File("set");
        ProfileSetWriter.Write(Manifest, Profiles("A"), dir);
        ProfileSetWriter.Write(Manifest with { WriterId = "writer-b", Scenarios = [] }, new Dictionary<string, IReadOnlyList<Profile>> { ["only"] = [TestProfiles.FromFolded("x 1")] }, dir);

        var loaded = ProfileSetReader.Read(dir);
        Assert.Equal("writer-b", loaded.Manifest.WriterId);
        Assert.Equal(["manifest.json", "only.1.pb.gz"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["set"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_exporter_leaves_nothing_behind()
    {
        using var temp = new TempDir();
        var dir = temp.File("set");
        Assert.Throws<InvalidOperationException>(() => ProfileSetWriter.Write(Manifest, Profiles(), dir, new ThrowingExporter()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_folder_that_is_not_a_set_is_not_overwritten()
    {
        using var temp = new TempDir();
        var dir = temp.File("docs");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "keep me");
        var e = Assert.Throws<InputException>(() => ProfileSetWriter.Write(Manifest, Profiles(), dir));
        Assert.Contains("is not a ProfileSet; refusing to overwrite", e.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Mismatched_run_counts_are_refused()
    {
        using var temp = new TempDir();
        var profiles = Profiles();
        profiles["parse"] = [TestProfiles.FromFolded("a 1")];
        var e = Assert.Throws<InputException>(() => ProfileSetWriter.Write(Manifest, profiles, temp.File("set")));
        Assert.Equal("ProfileSet: scenario 'parse' lists 2 runs in the manifest but 1 profiles were given; they must match", e.Message);
    }

    [Fact]
    public void Colliding_scenario_stems_get_distinct_files()
    {
        var profiles = new Dictionary<string, IReadOnlyList<Profile>>
        {
            ["a b"] = [TestProfiles.FromFolded("x 1")],
            ["a/b"] = [TestProfiles.FromFolded("y 1")],
            ["A_B"] = [TestProfiles.FromFolded("z 1")],
        };
        var manifest = ProfileSetWriter.Complete(new ProfileSetManifest(), profiles, ".pb.gz");
        Assert.Equal(["A_B.1.pb.gz", "a_b-2.1.pb.gz", "a_b-3.1.pb.gz"], manifest.Scenarios.Select(s => s.Runs[0].File));
    }

    private sealed class ThrowingExporter : Formats.IProfileExporter
    {
        private int _calls;

        public string Name => "throwing";

        public string Extension => ".pb.gz";

        public void Export(Profile profile, Stream output)
        {
            if (++_calls == 2)
            {
                throw new InvalidOperationException("disk on fire");
            }

            output.WriteByte(1);
        }
    }
}
