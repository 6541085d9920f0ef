using ContinuousProfiler.Gate.Core.Policy;
using Xunit;

namespace ContinuousProfiler.Gate.Config.Tests;

public sealed class ConfigKeyTests
{
    private static GatePolicy Load(string yaml) => ConfigLoader.Load(new StringReader(yaml));

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("version: 1\n")]
    [InlineData("defaults:\nrules:\nlocal:\nnormalize:\n")]
    public void An_empty_config_is_the_default_policy(string yaml)
    {
        Assert.Equal(GatePolicy.Default with { }, Load(yaml), PolicyComparer.Instance);
    }

    [Fact]
    public void The_defaults_are_documented_values()
    {
        var p = GatePolicy.Default;
        Assert.Equal(new RuleSettings { SampleType = null, Measure = Measure.Self, Warn = 0.05, Fail = 0.10, Floor = 0.25, Ignore = false }, p.Defaults);
        Assert.Equal(0.97, p.Confidence);
        Assert.Equal(0.999, p.FailConfidence);
        Assert.Equal(0.01, p.Jitter);
        Assert.Equal(new RuleSettings { Warn = 0.05, Fail = 0.10 }, p.Time);
        Assert.Empty(p.Rules);
        Assert.Empty(p.IncludeScenarios);
        Assert.Empty(p.ExcludeScenarios);
        Assert.Empty(p.Normalize);
        Assert.Equal(EnvironmentMismatch.Warn, p.OnEnvironmentMismatch);
        Assert.Equal(new LocalSettings { Command = null, Repeat = 3, Name = "local", Profiler = null }, p.Local);
        Assert.Equal(20, p.Baseline.MaxCommitsBack);
        Assert.Equal<string>(["main", "master"], p.Baseline.Branches);
    }

    [Fact]
    public void Defaults_section_sets_every_key()
    {
        var p = Load("""
            defaults:
              sampleType: alloc_space
              measure: total
              warn: 3%
              fail: 7.5%
              floor: 0.1%
              confidence: 99.9%
              failConfidence: 99.99%
              jitter: 2.5%
              ignore: false
            """);

        Assert.Equal(new RuleSettings { SampleType = "alloc_space", Measure = Measure.Total, Warn = 0.03, Fail = 0.075, Floor = 0.1, Ignore = false }, p.Defaults);
        Assert.Equal(0.999, p.Confidence, 12);
        Assert.Equal(0.9999, p.FailConfidence, 12);
        Assert.Equal(0.025, p.Jitter, 12);
    }

    [Fact]
    public void Defaults_keep_unset_keys()
    {
        var p = Load("defaults:\n  fail: 20%\n");

        Assert.Equal(GatePolicy.Default.Defaults with { Fail = 0.20 }, p.Defaults);
        Assert.Equal(GatePolicy.Default.Confidence, p.Confidence);
    }

    [Fact]
    public void Rules_keep_order_and_only_what_they_set()
    {
        var p = Load("""
            rules:
              - match: "MyApp.Parsing.*"
                name: parsing
                sampleType: cpu/nanoseconds
                measure: total
                warn: 2%
                fail: 5%
                floor: 0.05%
              - match: 'System.Threading.*'
                ignore: true
              - match: "*"
                fail: 25%
                warn: 20%
            """);

        Assert.Equal(3, p.Rules.Length);
        Assert.Equal(new GateRule("MyApp.Parsing.*", new RuleSettings { SampleType = "cpu/nanoseconds", Measure = Measure.Total, Warn = 0.02, Fail = 0.05, Floor = 0.05 }, "parsing"), p.Rules[0]);
        Assert.Equal(new GateRule("System.Threading.*", new RuleSettings { Ignore = true }, "rules[1] System.Threading.*"), p.Rules[1]);
        Assert.Equal(new GateRule("*", new RuleSettings { Warn = 0.20, Fail = 0.25 }, "rules[2] *"), p.Rules[2]);
    }

    [Fact]
    public void Time_section_sets_its_own_thresholds()
    {
        var p = Load("time:\n  warn: 8%\n  fail: 15%\n  ignore: true\n");

        Assert.Equal(new RuleSettings { Warn = 0.08, Fail = 0.15, Ignore = true }, p.Time);
    }

    [Fact]
    public void Time_section_inherits_unset_thresholds_from_its_own_defaults()
    {
        var p = Load("time:\n  fail: 30%\n");

        Assert.Equal(new RuleSettings { Warn = 0.05, Fail = 0.30 }, p.Time);
    }

    [Fact]
    public void Scenarios_take_one_glob_or_a_list()
    {
        var p = Load("""
            scenarios:
              include: "Parse*"
              exclude:
                - "*Slow*"
                - Flaky?Test
            """);

        Assert.Equal<string>(["Parse*"], p.IncludeScenarios);
        Assert.Equal<string>(["*Slow*", "Flaky?Test"], p.ExcludeScenarios);
    }

    [Fact]
    public void Normalize_rules_keep_order_and_replacement_defaults_to_nothing()
    {
        var p = Load("""
            normalize:
              - pattern: 'Proxy_\d+'
                replacement: Proxy
              - pattern: '\.Generated$'
            """);

        Assert.Equal<RewriteRule>([new RewriteRule(@"Proxy_\d+", "Proxy"), new RewriteRule(@"\.Generated$", "")], p.Normalize);
    }

    [Theory]
    [InlineData("warn", EnvironmentMismatch.Warn)]
    [InlineData("fail", EnvironmentMismatch.Fail)]
    [InlineData("skip", EnvironmentMismatch.Skip)]
    public void Environment_mismatch_policy(string value, EnvironmentMismatch expected)
    {
        Assert.Equal(expected, Load($"environmentMismatch: {value}\n").OnEnvironmentMismatch);
    }

    [Fact]
    public void Local_section_sets_every_key()
    {
        var p = Load("""
            local:
              command: dotnet test tests/Bench --no-build
              repeat: 5
              name: bench-1
              profiler: dotnet
            """);

        Assert.Equal(new LocalSettings { Command = "dotnet test tests/Bench --no-build", Repeat = 5, Name = "bench-1", Profiler = "dotnet" }, p.Local);
    }

    [Fact]
    public void Local_profiler_auto_means_detect()
    {
        Assert.Null(Load("local:\n  profiler: auto\n").Local.Profiler);
    }

    [Fact]
    public void Baseline_section_sets_every_key()
    {
        var p = Load("""
            baseline:
              maxCommitsBack: 50
              branches: [main, "release/*"]
            """);

        Assert.Equal(50, p.Baseline.MaxCommitsBack);
        Assert.Equal<string>(["main", "release/*"], p.Baseline.Branches);
    }

    [Fact]
    public void Baseline_branches_take_a_single_glob()
    {
        Assert.Equal<string>(["trunk"], Load("baseline:\n  branches: trunk\n").Baseline.Branches);
    }

    [Fact]
    public void Percentages_accept_spaces_quotes_and_leading_dots()
    {
        var p = Load("defaults:\n  warn: \".5%\"\n  fail: '2 %'\n  floor: 0%\n");

        Assert.Equal(0.005, p.Defaults.Warn!.Value, 12);
        Assert.Equal(0.02, p.Defaults.Fail!.Value, 12);
        Assert.Equal(0, p.Defaults.Floor);
    }

    [Fact]
    public void Booleans_are_case_insensitive()
    {
        Assert.Equal(true, Load("rules:\n  - match: x\n    ignore: True\n").Rules[0].Settings.Ignore);
    }

    [Fact]
    public void The_example_file_in_the_docs_loads()
    {
        var docs = File.ReadAllText(Path.Combine(Testing.Paths.RepoRoot, "docs", "config.md"));
        var start = docs.IndexOf("```yaml\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/config.md has a ```yaml example");
        var end = docs.IndexOf("```", start + 8, StringComparison.Ordinal);
        var p = Load(docs[(start + 8)..end]);

        Assert.NotEmpty(p.Rules);
        Assert.NotNull(p.Local.Command);
    }
}
