using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Policy;

public sealed class PolicyResolverTests
{
    private static readonly SampleType Cpu = new("cpu", "nanoseconds");
    private static readonly SampleType Samples = new("samples", "count");
    private static readonly SampleType Alloc = new("alloc_space", "bytes");

    private static GateRule Rule(string match, RuleSettings settings, string? name = null) => new(match, settings, name ?? "rules " + match);

    [Fact]
    public void With_no_rules_every_function_gets_the_defaults()
    {
        var resolved = new PolicyResolver(GatePolicy.Default).Resolve("App.Run", Cpu);

        Assert.Equal(new ResolvedRule("defaults", null, Measure.Self, 0.05, 0.10, 0.25, false), resolved);
    }

    [Fact]
    public void The_first_matching_rule_wins_and_inherits_unset_fields()
    {
        var policy = GatePolicy.Default with
        {
            Rules =
            [
                Rule("App.Parsing.*", new RuleSettings { Fail = 0.05, Measure = Measure.Total }, "parsing"),
                Rule("App.*", new RuleSettings { Warn = 0.20, Fail = 0.30 }, "app"),
                Rule("System.Threading.*", new RuleSettings { Ignore = true }, "threading"),
            ],
        };
        var resolver = new PolicyResolver(policy);

        Assert.Equal(new ResolvedRule("parsing", null, Measure.Total, 0.05, 0.05, 0.25, false), resolver.Resolve("App.Parsing.Lexer.Next", Cpu));
        Assert.Equal(new ResolvedRule("app", null, Measure.Self, 0.20, 0.30, 0.25, false), resolver.Resolve("App.Run", Cpu));
        Assert.True(resolver.Resolve("System.Threading.Thread.Yield", Cpu).Ignore);
        Assert.Equal("defaults", resolver.Resolve("Other.Run", Cpu).Name);
    }

    [Fact]
    public void Rules_without_a_sample_type_judge_the_primary_type_only()
    {
        var policy = GatePolicy.Default with
        {
            Rules =
            [
                Rule("App.Cache.*", new RuleSettings { SampleType = "alloc_space", Fail = 0.02, Floor = 0.1 }, "cache-alloc"),
                Rule("App.*", new RuleSettings { Fail = 0.2 }, "app"),
            ],
        };
        var resolver = new PolicyResolver(policy, defaultSampleType: "cpu");

        // Under the primary type the alloc rule does not apply: the next matching rule does.
        Assert.Equal(new ResolvedRule("app", "cpu", Measure.Self, 0.05, 0.2, 0.25, false), resolver.Resolve("App.Cache.Get", Cpu));

        // Under alloc_space only the functions the alloc rule matches are judged.
        Assert.Equal(new ResolvedRule("cache-alloc", "alloc_space", Measure.Self, 0.05, 0.02, 0.1, false), resolver.Resolve("App.Cache.Get", Alloc));
        Assert.True(resolver.Resolve("App.Run", Alloc).Ignore);
        Assert.True(resolver.Resolve("Other.Run", Alloc).Ignore);
        Assert.False(resolver.Resolve("Other.Run", Cpu).Ignore);

        Assert.Equal([0, 2], resolver.JudgedSampleTypes([Cpu, Samples, Alloc]));
    }

    [Fact]
    public void The_defaults_sample_type_beats_the_profile_default()
    {
        var policy = GatePolicy.Default with { Defaults = GatePolicy.Default.Defaults with { SampleType = "samples" } };
        var resolver = new PolicyResolver(policy, defaultSampleType: "cpu");

        Assert.Equal("samples", resolver.PrimarySampleType);
        Assert.Equal([1], resolver.JudgedSampleTypes([Cpu, Samples, Alloc]));
        Assert.True(resolver.Resolve("App.Run", Cpu).Ignore);
        Assert.False(resolver.Resolve("App.Run", Samples).Ignore);
    }

    [Fact]
    public void Without_any_primary_type_every_type_is_judged()
    {
        var resolver = new PolicyResolver(GatePolicy.Default);

        Assert.Null(resolver.PrimarySampleType);
        Assert.Equal([0, 1, 2], resolver.JudgedSampleTypes([Cpu, Samples, Alloc]));
        Assert.False(resolver.Resolve("App.Run", Alloc).Ignore);
    }

    [Fact]
    public void An_ignoring_rule_does_not_add_its_sample_type()
    {
        var policy = GatePolicy.Default with { Rules = [Rule("*", new RuleSettings { SampleType = "alloc_space", Ignore = true })] };

        Assert.Equal([0], new PolicyResolver(policy, "cpu").JudgedSampleTypes([Cpu, Samples, Alloc]));
    }

    [Theory]
    [InlineData("cpu", true)]
    [InlineData("CPU", true)]
    [InlineData("cpu/nanoseconds", true)]
    [InlineData("cpu/count", false)]
    [InlineData("samples", false)]
    public void Sample_types_match_by_name_or_type_and_unit(string named, bool expected)
    {
        Assert.Equal(expected, PolicyResolver.Matches(named, Cpu));
    }

    [Fact]
    public void Time_thresholds_come_from_the_time_section()
    {
        var resolver = new PolicyResolver(GatePolicy.Default with { Time = new RuleSettings { Fail = 0.15 } });

        Assert.Equal(new ResolvedRule("time", null, Measure.Total, 0.05, 0.15, 0, false), resolver.ResolveTime());
    }

    [Theory]
    [InlineData(new string[0], new string[0], "Parse", true)]
    [InlineData(new[] { "Parse*", "Sqrt*" }, new string[0], "ParseTest", true)]
    [InlineData(new[] { "Parse*", "Sqrt*" }, new string[0], "AsyncSqrtTest", false)]
    [InlineData(new string[0], new[] { "*Slow*" }, "ParseSlowTest", false)]
    [InlineData(new[] { "*" }, new[] { "*Slow*" }, "ParseTest", true)]
    [InlineData(new[] { "Parse*" }, new[] { "ParseSlow*" }, "ParseSlowTest", false)]
    public void Scenarios_pass_include_then_exclude(string[] include, string[] exclude, string scenario, bool expected)
    {
        var resolver = new PolicyResolver(GatePolicy.Default with { IncludeScenarios = [.. include], ExcludeScenarios = [.. exclude] });

        Assert.Equal(expected, resolver.IncludesScenario(scenario));
    }

    [Fact]
    public void A_bad_glob_in_a_policy_built_in_code_is_an_input_error()
    {
        var policy = GatePolicy.Default with { Rules = [Rule(@"App\", new RuleSettings())] };

        var e = Assert.Throws<InputException>(() => new PolicyResolver(policy));
        Assert.Contains("rules[0].match", e.Message, StringComparison.Ordinal);
    }
}
