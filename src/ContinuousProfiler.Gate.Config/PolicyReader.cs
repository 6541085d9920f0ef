using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.Config;

/// <summary>Turns the root mapping of <c>.profgate.yml</c> into a <see cref="GatePolicy"/>, section by section.</summary>
internal static class PolicyReader
{
    private static readonly string[] Measures = ["self", "total"];
    private static readonly string[] Mismatches = ["warn", "fail", "skip"];
    private static readonly string[] Profilers = ["auto", "dotnet", "perf", "files"];

    public static GatePolicy Read(ConfigSource source, YamlNode root)
    {
        var map = new ConfigMap(source, root, "", ConfigKeys.Root);
        if (map["version"] is { } versionNode && ConfigValues.Int(map, "version", 1, int.MaxValue) != 1)
        {
            throw source.Error(versionNode, "version: this profgate understands config version 1 only; upgrade profgate or write version: 1");
        }

        var policy = GatePolicy.Default;
        var defaults = policy.Defaults;
        if (Section(map, "defaults", ConfigKeys.Defaults) is { } d)
        {
            defaults = Settings(d, defaults);
            policy = policy with
            {
                Confidence = Fraction(ConfigValues.Percent(d, "confidence", 50, 100, maxExclusive: true)) ?? policy.Confidence,
                FailConfidence = Fraction(ConfigValues.Percent(d, "failConfidence", 50, 100, maxExclusive: true)) ?? policy.FailConfidence,
                Jitter = Fraction(ConfigValues.Percent(d, "jitter", 0, 100)) ?? policy.Jitter,
            };
            CheckOrder(d, defaults);
        }

        policy = policy with { Defaults = defaults, Rules = Rules(map, defaults) };
        if (Section(map, "time", ConfigKeys.Time) is { } t)
        {
            var time = new RuleSettings
            {
                Warn = Fraction(ConfigValues.Percent(t, "warn", 0, 10000)),
                Fail = Fraction(ConfigValues.Percent(t, "fail", 0, 10000)),
                Ignore = ConfigValues.Bool(t, "ignore"),
            }.Over(policy.Time);
            CheckOrder(t, time);
            policy = policy with { Time = time };
        }

        if (Section(map, "scenarios", ConfigKeys.Scenarios) is { } s)
        {
            policy = policy with
            {
                IncludeScenarios = ConfigValues.Globs(s, "include") ?? policy.IncludeScenarios,
                ExcludeScenarios = ConfigValues.Globs(s, "exclude") ?? policy.ExcludeScenarios,
            };
        }

        policy = policy with { Normalize = Rewrites(map) };
        if (ConfigValues.OneOf(map, "environmentMismatch", Mismatches) is { } mismatch)
        {
            policy = policy with { OnEnvironmentMismatch = Enum.Parse<EnvironmentMismatch>(mismatch, ignoreCase: true) };
        }

        if (Section(map, "local", ConfigKeys.Local) is { } l)
        {
            var profiler = ConfigValues.OneOf(l, "profiler", Profilers);
            var name = ConfigValues.String(l, "name");
            if (name is not null && !Regex.IsMatch(name, "^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant))
            {
                throw source.Error(l["name"]!, $"local.name: '{name}' may use letters, digits, '.', '_' and '-' only (it becomes part of store and artifact names)");
            }

            policy = policy with
            {
                Local = new LocalSettings
                {
                    Command = ConfigValues.String(l, "command") ?? policy.Local.Command,
                    Repeat = ConfigValues.Int(l, "repeat", 1, 100) ?? policy.Local.Repeat,
                    Name = name ?? policy.Local.Name,
                    Profiler = profiler is null or "auto" ? policy.Local.Profiler : profiler,
                },
            };
        }

        if (Section(map, "baseline", ConfigKeys.Baseline) is { } b)
        {
            policy = policy with
            {
                Baseline = new BaselineSettings
                {
                    MaxCommitsBack = ConfigValues.Int(b, "maxCommitsBack", 0, 10000) ?? policy.Baseline.MaxCommitsBack,
                    Branches = ConfigValues.Globs(b, "branches") ?? policy.Baseline.Branches,
                },
            };
        }

        return policy;
    }

    private static ImmutableArray<GateRule> Rules(ConfigMap root, RuleSettings defaults)
    {
        if (root["rules"] is not { } node || IsEmpty(node))
        {
            return [];
        }

        var items = Sequence(root, "rules", node);
        var rules = ImmutableArray.CreateBuilder<GateRule>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules[{i}]";
            var r = new ConfigMap(root.Source, items[i], path, ConfigKeys.Rule);
            var match = ConfigValues.String(r, "match")
                ?? throw root.Source.Error(items[i], $"{path} has no 'match'; every rule needs a glob on the function name, e.g. match: 'MyApp.Parsing.*'");
            ConfigValues.CheckGlob(root.Source, r["match"]!, path + ".match", match);
            var settings = Settings(r, new RuleSettings());
            CheckOrder(r, settings.Over(defaults));
            rules.Add(new GateRule(match, settings, ConfigValues.String(r, "name") ?? $"{path} {match}"));
        }

        return rules.MoveToImmutable();
    }

    private static ImmutableArray<RewriteRule> Rewrites(ConfigMap root)
    {
        if (root["normalize"] is not { } node || IsEmpty(node))
        {
            return [];
        }

        var items = Sequence(root, "normalize", node);
        var rewrites = ImmutableArray.CreateBuilder<RewriteRule>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"normalize[{i}]";
            var r = new ConfigMap(root.Source, items[i], path, ConfigKeys.Rewrite);
            var pattern = ConfigValues.String(r, "pattern")
                ?? throw root.Source.Error(items[i], $"{path} has no 'pattern'; write a .NET regular expression, e.g. pattern: '_[0-9]+$'");
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, FrameNormalizer.RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw root.Source.Error(r["pattern"]!, $"{path}.pattern: '{pattern}' is not a valid .NET regular expression: {e.Message}");
            }

            rewrites.Add(new RewriteRule(pattern, ConfigValues.String(r, "replacement", allowEmpty: true) ?? ""));
        }

        return rewrites.MoveToImmutable();
    }

    // The fields rules and defaults share; unset keys keep the fallback's value.
    private static RuleSettings Settings(ConfigMap map, RuleSettings fallback)
    {
        var measure = ConfigValues.OneOf(map, "measure", Measures);
        return new RuleSettings
        {
            SampleType = ConfigValues.SampleType(map, "sampleType") ?? fallback.SampleType,
            Measure = measure is null ? fallback.Measure : Enum.Parse<Measure>(measure, ignoreCase: true),
            Warn = Fraction(ConfigValues.Percent(map, "warn", 0, 10000)) ?? fallback.Warn,
            Fail = Fraction(ConfigValues.Percent(map, "fail", 0, 10000)) ?? fallback.Fail,
            Floor = ConfigValues.Percent(map, "floor", 0, 100) ?? fallback.Floor,
            Ignore = ConfigValues.Bool(map, "ignore") ?? fallback.Ignore,
        };
    }

    // A warning must not need a larger change than a failure, or it could never be reported.
    private static void CheckOrder(ConfigMap map, RuleSettings effective)
    {
        if (effective.Warn is not { } warn || effective.Fail is not { } fail || warn <= fail)
        {
            return;
        }

        var warnFrom = map["warn"] is null ? " (inherited)" : "";
        var failFrom = map["fail"] is null ? " (inherited)" : "";
        var line = (map["warn"] ?? map["fail"] ?? map.Node).Start.Line;
        throw map.Source.Error(line, $"{map.Path}: warn {warn * 100:0.##}%{warnFrom} is above fail {fail * 100:0.##}%{failFrom}; lower warn or raise fail");
    }

    // An empty section ("local:" with nothing under it) is the same as no section.
    private static ConfigMap? Section(ConfigMap root, string key, IReadOnlyList<string> keys) =>
        root[key] is { } node && !IsEmpty(node) ? new ConfigMap(root.Source, node, key, keys) : null;

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode scalar && ConfigValues.IsNull(scalar);

    private static IReadOnlyList<YamlNode> Sequence(ConfigMap root, string key, YamlNode node) =>
        node is YamlSequenceNode sequence
            ? sequence.Children.ToList()
            : throw root.Source.Error(node, $"{key} must be a list (each item starting with '- '), not {ConfigValues.KindOf(node)}");

    private static double? Fraction(double? percent) => percent / 100;
}
