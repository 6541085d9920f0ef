using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Store.Local;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.Unit;

public sealed class BaseCacheTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly EnvironmentFingerprint Machine = new() { Os = "Linux", CpuModel = "cpu", Cores = 2, Runtime = ".NET 10.0.0" };

    private static readonly Dictionary<string, string> Properties = new() { [BaseCache.CommandProperty] = "dotnet run", [BaseCache.OptionsProperty] = "profiler=auto;alloc=off" };

    [Fact]
    public void A_stored_set_with_the_same_command_runs_and_environment_is_reused()
    {
        using var temp = new TempDir();
        var cache = Stored(temp, runs: 3);
        var (set, refusal) = cache.Find(Commit, "local", Properties, 3, Machine);
        Assert.NotNull(set);
        Assert.Null(refusal);
        Assert.Equal((null, null), cache.Find(Commit, "other-group", Properties, 3, Machine));
    }

    [Fact]
    public void Anything_that_changes_what_was_measured_refuses_it_and_says_why()
    {
        using var temp = new TempDir();
        var cache = Stored(temp, runs: 2);
        Assert.Equal("it was taken with a different command (dotnet run)",
            cache.Find(Commit, "local", new Dictionary<string, string>(Properties) { [BaseCache.CommandProperty] = "dotnet test" }, 2, Machine).Refusal);
        Assert.Equal("it was taken with a different profiler or options (profiler=auto;alloc=off)",
            cache.Find(Commit, "local", new Dictionary<string, string>(Properties) { [BaseCache.OptionsProperty] = "profiler=auto;alloc=on" }, 2, Machine).Refusal);
        Assert.Equal("it holds 2 run(s) per scenario, fewer than --repeat 3", cache.Find(Commit, "local", Properties, 3, Machine).Refusal);
        Assert.Equal("its environment differs (cores: 2 vs 4)", cache.Find(Commit, "local", Properties, 2, Machine with { Cores = 4 }).Refusal);
    }

    private static BaseCache Stored(TempDir temp, int runs)
    {
        var manifest = new ProfileSetManifest
        {
            Group = "local",
            Environment = Machine,
            Properties = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Properties),
        };
        var profiles = Enumerable.Range(0, runs).Select(_ => TestProfiles.FromFolded("m;a 10")).ToList<Profile>();
        ProfileSetWriter.Write(manifest, new Dictionary<string, IReadOnlyList<Profile>> { ["local"] = profiles }, temp.File("set"));
        var cache = new BaseCache(new LocalProfileStore(temp.File("store")));
        cache.Put(temp.File("set"), Commit);
        return cache;
    }
}
