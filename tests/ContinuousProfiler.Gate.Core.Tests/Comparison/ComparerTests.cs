using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Comparison;

public sealed class ComparerTests
{
    [Fact]
    public void KeepsBothSidesAndTheUnion()
    {
        var result = Compare("main;a 60\nmain;b 40", "main;a 60\nmain;c 40");
        var type = Assert.Single(Assert.Single(result.Scenarios).SampleTypes);
        Assert.Equal(["a", "b", "c", "main"], type.Functions.Select(f => f.Function));
        var b = type.Functions.Single(f => f.Function == "b");
        Assert.True(b.IsGone);
        Assert.Equal(0.4, b.Base.MeanSelf, 12);
        var c = type.Functions.Single(f => f.Function == "c");
        Assert.True(c.IsNew);
        Assert.Equal(1.0, type.Functions.Single(f => f.Function == "main").Base.MeanTotal, 12);
        Assert.Equal(0.4, type.Root.Child("main")!.Child("c")!.HeadSelf, 12);
        Assert.Equal(0, type.Root.Child("main")!.Child("c")!.BaseSelf);
    }

    [Fact]
    public void TheUnionTreeFindsCalleesOfWideNodes()
    {
        var folded = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"main;f{i:00};leaf {i + 1}"));
        var type = Single(Compare(folded, folded + "\nmain;f05;extra 10"));
        var main = type.Root.Child("main")!;
        Assert.Equal(20, main.Children.Count);
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"f{i:00}")], main.Children.Select(c => c.Name));
        Assert.Equal(["extra", "leaf"], main.Child("f05")!.Children.Select(c => c.Name));
        Assert.Null(main.Child("f99"));
        Assert.Equal(main.Child("f19")!.BaseTotal, main.Child("f19")!.Child("leaf")!.BaseSelf);
        Assert.Equal(["main", "f05", "extra"], main.Child("f05")!.Child("extra")!.Path());
        Assert.Same(main, main.Child("f00")!.Parent);
    }

    [Fact]
    public void ABigSpeedupDoesNotMoveTheOtherFunctions()
    {
        // a gets 2× faster; plain shares would make b and c look 33% bigger.
        var type = Single(Compare("main;a 50000\nmain;b 25000\nmain;c 25000", "main;a 25000\nmain;b 25000\nmain;c 25000"));
        Assert.Equal(["a"], type.Excluded.ToArray());
        Assert.Equal(0.25, Row(type, "b").Head.MeanSelf, 9);
        Assert.Equal(0.25, Row(type, "b").Base.MeanSelf, 9);
        Assert.Equal(0.50, Row(type, "a").Base.MeanSelf, 9);
        Assert.Equal(0.25, Row(type, "a").Head.MeanSelf, 9);
        Assert.Equal(-0.5, Row(type, "a").Change(Measure.Self)!.Value, 9);
        Assert.Equal(0.75, Row(type, "main").Head.MeanTotal, 9);
        Assert.Contains("head divided by 1.3333", type.Normalization, StringComparison.Ordinal);
        Assert.Contains("1 changed significantly (a)", type.Normalization, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsOfDifferentLengthCompareAsShares()
    {
        var type = Single(Compare("main;a 300\nmain;b 700", "main;a 3000\nmain;b 7000"));
        Assert.Empty(type.Excluded);
        Assert.Equal(0.3, Row(type, "a").Head.MeanSelf, 12);
        Assert.Equal(0.3, Row(type, "a").Base.MeanSelf, 12);
        Assert.Equal([1000.0], type.BaseSamples.ToArray());
        Assert.Equal([10000.0], type.HeadSamples.ToArray());
    }

    [Fact]
    public void KeepsPerRunShares()
    {
        var baseRuns = new ScenarioRuns("s", [TestProfiles.FromFolded("m;a 30\nm;b 70"), TestProfiles.FromFolded("m;a 40\nm;b 60")], []);
        var headRuns = new ScenarioRuns("s", [TestProfiles.FromFolded("m;a 35\nm;b 65")], [new TimingRun(10, 9)]);
        var scenario = Comparer.CompareScenario(baseRuns, headRuns);
        var a = scenario.SampleTypes[0].Functions.Single(f => f.Function == "a");
        Assert.Equal([0.3, 0.4], a.Base.Self.Select(v => Math.Round(v, 12)));
        Assert.Equal(2, scenario.SampleTypes[0].BaseRuns);
        Assert.Null(scenario.Time);
    }

    [Fact]
    public void ComparesTimingsWhenBothSidesHaveThem()
    {
        var profile = TestProfiles.FromFolded("m;a 30");
        var scenario = Comparer.CompareScenario(
            new ScenarioRuns("s", [profile], [new TimingRun(100, 90), new TimingRun(110, 95)]),
            new ScenarioRuns("s", [profile], [new TimingRun(120, 100)]));
        Assert.NotNull(scenario.Time);
        Assert.Equal([100.0, 110.0], scenario.Time.BaseWallMs.ToArray());
        Assert.Equal([100.0], scenario.Time.HeadCpuMs.ToArray());
    }

    [Fact]
    public void AppliesTheNameMapper()
    {
        var options = new ComparisonOptions { NameOf = f => f.Name.Split('`')[0] };
        var type = Single(Comparer.Compare([ScenarioRuns.Single(TestProfiles.FromFolded("m;a`1 30\nm;b 70"))], [ScenarioRuns.Single(TestProfiles.FromFolded("m;a`2 30\nm;b 70"))], options));
        Assert.Equal(["a", "b", "m"], type.Functions.Select(f => f.Function));
    }

    [Fact]
    public void PairsScenariosByName()
    {
        var p = TestProfiles.FromFolded("m;a 1");
        var result = Comparer.Compare(
            [new ScenarioRuns("x", [p], []), new ScenarioRuns("y", [p], [])],
            [new ScenarioRuns("y", [p], []), new ScenarioRuns("z", [p], [])]);
        Assert.Equal(["y"], result.Scenarios.Select(s => s.Scenario));
        Assert.Equal(["x"], result.OnlyInBase.ToArray());
        Assert.Equal(["z"], result.OnlyInHead.ToArray());
    }

    [Fact]
    public void UsesTheSampleCountColumnForStatisticsNotAsAFinding()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], 1);
        builder.AddSample([new Frame("m"), new Frame("a")], 30, 300_000_000);
        builder.AddSample([new Frame("m"), new Frame("b")], 70, 700_000_000);
        var profile = builder.Build();
        var type = Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)]));
        Assert.Equal(new SampleType("cpu", "nanoseconds"), type.SampleType);
        Assert.Equal([100.0], type.BaseSamples.ToArray());
        var samples = Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)], new ComparisonOptions { SampleType = "samples" }));
        Assert.Equal(new SampleType("samples", "count"), samples.SampleType);
    }

    [Fact]
    public void KeepsTheSampleCountColumnNextToAllocationColumns()
    {
        // A .NET capture with --alloc: CPU samples and allocation columns on separate stacks.
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("alloc_objects", "count"), new SampleType("alloc_space", "bytes")], 0);
        builder.AddSample([new Frame("m"), new Frame("a")], 30, 0, 0);
        builder.AddSample([new Frame("m"), new Frame("b")], 70, 0, 0);
        builder.AddSample([new Frame("m"), new Frame("b"), new Frame("alloc")], 0, 4, 400_000);
        var profile = builder.Build();
        var scenario = Assert.Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)]).Scenarios);
        Assert.Equal(["samples/count", "alloc_objects/count", "alloc_space/bytes"], scenario.SampleTypes.Select(t => t.SampleType.ToString()));
    }

    [Fact]
    public void AllocationColumnsRestOnTheirSampledEventsNotOnBytes()
    {
        // A .NET capture: 3 sampled allocation events upscaled to 300 KB and 3,000 objects.
        var builder = new ProfileBuilder([new SampleType("cpu", "samples"), new SampleType("alloc_objects", "count"), new SampleType("alloc_space", "bytes"), new SampleType("alloc_samples", "count")], 0)
        {
            Metadata = new ProfileMetadata { PeriodType = new SampleType("cpu", "samples"), Period = 1 },
        };
        builder.AddSample([new Frame("m"), new Frame("a")], 40, 0, 0, 0);
        builder.AddSample([new Frame("m"), new Frame("b")], 60, 0, 0, 0);
        builder.AddSample([new Frame("m"), new Frame("b")], 0, 2_000, 200_000, 2);
        builder.AddSample([new Frame("m"), new Frame("a")], 0, 1_000, 100_000, 1);
        var profile = builder.Build();
        var scenario = Assert.Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)]).Scenarios);

        Assert.Equal(["cpu/samples", "alloc_objects/count", "alloc_space/bytes"], scenario.SampleTypes.Select(t => t.SampleType.ToString()));
        Assert.Equal(100, scenario.SampleTypes[0].BaseSamples[0], 9);
        Assert.Equal(3, scenario.SampleTypes[1].BaseSamples[0], 9);
        Assert.Equal(3, scenario.SampleTypes[2].BaseSamples[0], 9);
    }

    [Fact]
    public void GoHeapProfilesRestOnOneEventPerPeriod()
    {
        // Go's heap profile: both alloc columns are upscaled estimates of events sampled every 512 KiB.
        var builder = new ProfileBuilder([new SampleType("alloc_objects", "count"), new SampleType("alloc_space", "bytes")], 1)
        {
            Metadata = new ProfileMetadata { PeriodType = new SampleType("space", "bytes"), Period = 524_288 },
        };
        builder.AddSample([new Frame("m"), new Frame("a")], 900_000, 10 * 524_288.0);
        builder.AddSample([new Frame("m"), new Frame("b")], 100_000, 30 * 524_288.0);
        var profile = builder.Build();
        var scenario = Assert.Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)]).Scenarios);

        Assert.Equal(40, scenario.SampleTypes.Single(t => t.SampleType.Type == "alloc_space").BaseSamples[0], 9);
        Assert.Equal(40, scenario.SampleTypes.Single(t => t.SampleType.Type == "alloc_objects").BaseSamples[0], 9);
    }

    [Fact]
    public void ComparesTheEventCounterWhenAskedFor()
    {
        var builder = new ProfileBuilder([new SampleType("alloc_space", "bytes"), new SampleType("alloc_samples", "count")], 0);
        builder.AddSample([new Frame("m"), new Frame("a")], 100_000, 1);
        var profile = builder.Build();
        var scenario = Assert.Single(Comparer.Compare([ScenarioRuns.Single(profile)], [ScenarioRuns.Single(profile)], new ComparisonOptions { SampleType = "alloc_samples" }).Scenarios);
        Assert.Equal("alloc_samples/count", Assert.Single(scenario.SampleTypes).SampleType.ToString());
    }

    [Fact]
    public void RefusesAUnitMismatch()
    {
        var e = Assert.Throws<InputException>(() => Compare("m;a 1", "m;a 1", headUnit: "microseconds", baseUnit: "nanoseconds"));
        Assert.StartsWith("unit mismatch: base test has cpu/nanoseconds but head test has cpu/microseconds", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void RefusesNoCommonSampleType()
    {
        var baseRuns = ScenarioRuns.Single(TestProfiles.FromFolded("m;a 1", "alloc_space", "bytes"));
        var headRuns = ScenarioRuns.Single(TestProfiles.FromFolded("m;a 1", "cpu", "nanoseconds"));
        var e = Assert.Throws<InputException>(() => Comparer.Compare([baseRuns], [headRuns]));
        Assert.Equal("no common sample type: base test has alloc_space/bytes but head test has cpu/nanoseconds; expected at least one type/unit on both sides", e.Message);
    }

    [Fact]
    public void RefusesEmptyProfiles()
    {
        var empty = new ProfileBuilder("samples", "count") { Metadata = ProfileMetadata.Empty with { Source = "empty.pb.gz" } }.Build();
        var e = Assert.Throws<InputException>(() => Comparer.Compare([ScenarioRuns.Single(TestProfiles.FromFolded("m;a 1"))], [ScenarioRuns.Single(empty)]));
        Assert.Equal("empty.pb.gz: the profile is empty (no samples); expected a profile with at least one non-zero sample", e.Message);
    }

    [Fact]
    public void RefusesAnUnknownRequestedSampleType()
    {
        var e = Assert.Throws<InputException>(() => Comparer.Compare([ScenarioRuns.Single(TestProfiles.FromFolded("m;a 1"))], [ScenarioRuns.Single(TestProfiles.FromFolded("m;a 1"))], new ComparisonOptions { SampleType = "cpu" }));
        Assert.Equal("test: no sample type 'cpu'; this profile has: samples/count", e.Message);
    }

    internal static ComparisonResult Compare(string baseFolded, string headFolded, string baseUnit = "count", string headUnit = "count")
    {
        var baseType = baseUnit == "count" ? "samples" : "cpu";
        var headType = headUnit == "count" ? "samples" : "cpu";
        return Comparer.Compare(
            [ScenarioRuns.Single(TestProfiles.FromFolded(baseFolded, baseType, baseUnit))],
            [ScenarioRuns.Single(TestProfiles.FromFolded(headFolded, headType, headUnit))]);
    }

    private static SampleTypeComparison Single(ComparisonResult result) => Assert.Single(Assert.Single(result.Scenarios).SampleTypes);

    private static FunctionDiff Row(SampleTypeComparison type, string name) => type.Functions.Single(f => f.Function == name);
}
