using ContinuousProfiler.Gate.Core;
using Xunit;

namespace ContinuousProfiler.Gate.Config.Tests;

public sealed class ConfigErrorTests
{
    public static TheoryData<string, string> Errors => new()
    {
        // Unknown keys, with the allowed keys and a near miss.
        {
            "defaults:\n  fail: 10%\nrules:\n  - match: A.*\n  - match: B.*\n    treshold: 5%\n",
            ".profgate.yml:6: unknown key 'treshold' in rules[1]; expected one of: match, name, sampleType, measure, warn, fail, floor, ignore"
        },
        {
            "rules:\n  - match: A.*\n    sampletype: cpu\n",
            ".profgate.yml:3: unknown key 'sampletype' in rules[0]; expected one of: match, name, sampleType, measure, warn, fail, floor, ignore (did you mean 'sampleType'?)"
        },
        {
            "defualts:\n  warn: 1%\n",
            ".profgate.yml:1: unknown key 'defualts' in the file; expected one of: version, defaults, rules, time, scenarios, normalize, environmentMismatch, local, baseline (did you mean 'defaults'?)"
        },
        { "defaults:\n  threshold: 5%\n", ".profgate.yml:2: unknown key 'threshold' in defaults; expected one of: sampleType, measure, warn, fail, floor, confidence, failConfidence, jitter, ignore" },
        { "time:\n  floor: 1%\n", ".profgate.yml:2: unknown key 'floor' in time; expected one of: warn, fail, ignore" },
        { "scenarios:\n  includes: [a]\n", ".profgate.yml:2: unknown key 'includes' in scenarios; expected one of: include, exclude (did you mean 'include'?)" },
        { "normalize:\n  - pattern: a\n    with: b\n", ".profgate.yml:3: unknown key 'with' in normalize[0]; expected one of: pattern, replacement" },
        { "local:\n  repeats: 3\n", ".profgate.yml:2: unknown key 'repeats' in local; expected one of: command, repeat, name, profiler (did you mean 'repeat'?)" },
        { "baseline:\n  branch: main\n", ".profgate.yml:2: unknown key 'branch' in baseline; expected one of: maxCommitsBack, branches (did you mean 'branches'?)" },

        // Percentages.
        { "defaults:\n  fail: 0.10\n", ".profgate.yml:2: defaults.fail: '0.10' is not a percentage; a bare number is ambiguous, write it with a percent sign: fail: 0.1% (or 10% if you meant a fraction)" },
        { "defaults:\n  warn: 5\n", ".profgate.yml:2: defaults.warn: '5' is not a percentage; a bare number is ambiguous, write it with a percent sign: warn: 5% (or 500% if you meant a fraction)" },
        { "rules:\n  - match: x\n    fail: ten%\n", ".profgate.yml:3: rules[0].fail: 'ten%' is not a percentage; write a number with a percent sign, e.g. fail: 10%" },
        { "rules:\n  - match: x\n    fail: -5%\n", ".profgate.yml:3: rules[0].fail: '-5%' is negative; thresholds are sizes of a change in either direction, write fail: 5%" },
        { "defaults:\n  floor: 150%\n", ".profgate.yml:2: defaults.floor: 150% is out of range; it must be at least 0% and at most 100%" },
        { "defaults:\n  confidence: 100%\n", ".profgate.yml:2: defaults.confidence: 100% is out of range; it must be at least 50% and below 100%" },
        { "defaults:\n  confidence: 40%\n", ".profgate.yml:2: defaults.confidence: 40% is out of range; it must be at least 50% and below 100%" },
        { "time:\n  fail: 20000%\n", ".profgate.yml:2: time.fail: 20000% is out of range; it must be at least 0% and at most 10000%" },
        { "defaults:\n  warn:\n", ".profgate.yml:2: defaults.warn must be a percentage like 10%, not an empty value" },
        { "defaults:\n  warn: [1%]\n", ".profgate.yml:2: defaults.warn must be a percentage like 10%, not a list" },

        // warn above fail, own or inherited.
        { "defaults:\n  warn: 20%\n  fail: 10%\n", ".profgate.yml:2: defaults: warn 20% is above fail 10%; lower warn or raise fail" },
        { "rules:\n  - match: x\n    warn: 15%\n", ".profgate.yml:3: rules[0]: warn 15% is above fail 10% (inherited); lower warn or raise fail" },
        { "rules:\n  - match: x\n    fail: 2%\n", ".profgate.yml:3: rules[0]: warn 5% (inherited) is above fail 2%; lower warn or raise fail" },
        { "time:\n  fail: 3%\n", ".profgate.yml:2: time: warn 5% (inherited) is above fail 3%; lower warn or raise fail" },

        // Enumerations and other scalars.
        { "defaults:\n  measure: inclusive\n", ".profgate.yml:2: defaults.measure: 'inclusive' is not allowed; expected one of: self, total" },
        { "rules:\n  - match: x\n    measure: Total\n", ".profgate.yml:3: rules[0].measure: 'Total' is not allowed; expected one of: self, total (did you mean 'total'?)" },
        { "environmentMismatch: ignore\n", ".profgate.yml:1: environmentMismatch: 'ignore' is not allowed; expected one of: warn, fail, skip" },
        { "local:\n  profiler: dotnet-trace\n", ".profgate.yml:2: local.profiler: 'dotnet-trace' is not allowed; expected one of: auto, dotnet, perf, files" },
        { "rules:\n  - match: x\n    ignore: yes\n", ".profgate.yml:3: rules[0].ignore: 'yes' is not a boolean; write true or false" },
        { "local:\n  repeat: 0\n", ".profgate.yml:2: local.repeat: 0 is out of range; it must be between 1 and 100" },
        { "local:\n  repeat: 2.5\n", ".profgate.yml:2: local.repeat: '2.5' is not a whole number; write e.g. repeat: 1" },
        { "local:\n  command: ''\n", ".profgate.yml:2: local.command is empty; give it a value or remove the key" },
        { "local:\n  name: my bench\n", ".profgate.yml:2: local.name: 'my bench' may use letters, digits, '.', '_' and '-' only (it becomes part of store and artifact names)" },
        { "baseline:\n  maxCommitsBack: -1\n", ".profgate.yml:2: baseline.maxCommitsBack: -1 is out of range; it must be between 0 and 10000" },
        { "baseline:\n  branches:\n    - main\n    - {x: 1}\n", ".profgate.yml:4: baseline.branches[1] must be a glob (text such as 'main' or 'release/*'), not a mapping" },
        { "defaults:\n  sampleType: cpu time\n", ".profgate.yml:2: defaults.sampleType: 'cpu time' is not a sample type name; write a type such as cpu, samples or alloc_space (or type/unit, e.g. cpu/nanoseconds)" },
        { "version: 2\n", ".profgate.yml:1: version: this profgate understands config version 1 only; upgrade profgate or write version: 1" },

        // Structure.
        { "rules:\n  match: x\n", ".profgate.yml:2: rules must be a list (each item starting with '- '), not a mapping" },
        { "rules:\n  - fail: 5%\n", ".profgate.yml:2: rules[0] has no 'match'; every rule needs a glob on the function name, e.g. match: 'MyApp.Parsing.*'" },
        { "rules:\n  - match: 'App\\'\n", ".profgate.yml:2: rules[0].match: glob 'App\\' ends with a lone '\\'; write '\\\\' for a literal backslash" },
        { "rules:\n  - 'App.*'\n", ".profgate.yml:2: rules[0] must be a mapping of keys (match, name, sampleType, measure, warn, fail, floor, ignore), not a single value" },
        { "defaults: strict\n", ".profgate.yml:1: defaults must be a mapping of keys (sampleType, measure, warn, fail, floor, confidence, failConfidence, jitter, ignore), not a single value" },
        { "- rules\n", ".profgate.yml:1: the file must be a mapping of keys (version, defaults, rules, time, scenarios, normalize, environmentMismatch, local, baseline), not a list" },
        { "normalize:\n  - replacement: x\n", ".profgate.yml:2: normalize[0] has no 'pattern'; write a .NET regular expression, e.g. pattern: '_[0-9]+$'" },
        { "defaults:\n  warn: 1%\n  warn: 2%\n", ".profgate.yml:3: duplicate key 'warn'; each key may appear once per section" },
        { "a: 1\n---\nb: 2\n", ".profgate.yml:3: the file holds several YAML documents ('---'); keep one" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_config_names_line_key_and_fix(string yaml, string expected)
    {
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(new StringReader(yaml)));

        Assert.Equal(expected, e.Message);
        Assert.Equal(ExitCodes.InputError, e.ExitCode);
    }

    [Fact]
    public void A_bad_regex_names_its_line()
    {
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(new StringReader("normalize:\n  - pattern: 'x'\n  - pattern: '(unclosed'\n")));

        Assert.StartsWith(".profgate.yml:3: normalize[1].pattern: '(unclosed' is not a valid .NET regular expression: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Broken_yaml_names_line_and_column()
    {
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(new StringReader("defaults:\n  warn: 1%\nrules: [a, b\n")));

        Assert.StartsWith(".profgate.yml:4: invalid YAML at column 1: ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check indentation and quoting", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Messages_use_the_display_name()
    {
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(new StringReader("oops: 1\n"), "ci/gate.yml"));

        Assert.StartsWith("ci/gate.yml:1: unknown key 'oops'", e.Message, StringComparison.Ordinal);
    }
}
