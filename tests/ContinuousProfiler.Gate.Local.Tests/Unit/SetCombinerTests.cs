using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.Unit;

public sealed class SetCombinerTests
{
    [Fact]
    public void Concatenates_the_runs_of_each_scenario_in_order()
    {
        using var temp = new TempDir();
        var first = Write(temp.File("1"), ("bench", "m;a 10\nm;b 30", 100), ("only-first", "m;x 5", 50));
        var second = Write(temp.File("2"), ("bench", "m;a 20\nm;b 20", 200));

        var manifest = SetCombiner.Combine([first, second], temp.File("combined"), new Dictionary<string, string> { ["local.command"] = "dotnet run" });

        var set = ProfileSetReader.Read(temp.File("combined"));
        Assert.Equal(["bench", "only-first"], set.Scenarios.Select(s => s.Name));
        var bench = set.Scenarios[0];
        Assert.Equal([10.0, 20.0], bench.Runs.Select(r => r.Samples.Where(s => s.Values[0] > 0).First().Values[0]));
        Assert.Equal([100.0, 200.0], manifest.Scenarios[0].Runs.Select(r => r.WallMs));
        Assert.Equal("dotnet run", set.Manifest.Properties["local.command"]);
        Assert.Equal("unit", set.Manifest.Properties["kept"]);
        Assert.Single(set.Scenarios[1].Runs);
        Assert.Equal(3, Directory.GetFiles(temp.File("combined"), "*.pb.gz").Length);
    }

    private static string Write(string directory, params (string Name, string Folded, double WallMs)[] scenarios)
    {
        var manifest = new ProfileSetManifest
        {
            Group = "local",
            Properties = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("kept", "unit"),
            Scenarios = [.. scenarios.Select(s => new ScenarioEntry(s.Name, [new RunEntry("", 0, s.WallMs, s.WallMs)], []))],
        };
        ProfileSetWriter.Write(manifest, scenarios.ToDictionary(s => s.Name, s => (IReadOnlyList<Profile>)[TestProfiles.FromFolded(s.Folded)]), directory);
        return directory;
    }
}
