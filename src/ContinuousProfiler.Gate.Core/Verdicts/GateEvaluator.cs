using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// The gate: a function (or scenario time) is reported only when its change beats the rule's
/// relative threshold, the absolute floor, and a statistical test at the configured confidence,
/// with Holm's correction applied across every candidate of the comparison (so the chance of any
/// false finding per comparison stays at 1 − confidence). Fail-level = a significant regression at
/// or beyond the fail threshold; an environment mismatch then downgrades failures by policy.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Judges a comparison.</summary>
    /// <param name="comparison">Base and head aligned.</param>
    /// <param name="policy">The config.</param>
    /// <param name="resolve">The settings and rule name for a function in a sample type; null = <paramref name="policy"/>'s defaults and first matching rule.</param>
    public static Verdict Evaluate(ComparisonResult comparison, GatePolicy policy, Func<string, SampleType, (RuleSettings Settings, string Rule)>? resolve = null)
    {
        resolve ??= DefaultResolver(policy);
        if (comparison.Provenance.NoBaselineReason is { } reason)
        {
            return new Verdict([Notice("", FindingLevel.Info, "baseline", $"no baseline: {reason}; nothing to compare, passing")]);
        }

        var candidates = new List<Candidate>();
        var notices = new List<Finding>();
        foreach (var scenario in comparison.Scenarios.Where(s => Included(policy, s.Scenario)))
        {
            foreach (var type in scenario.SampleTypes)
            {
                if (SampleSizeAdvisor.Advise(scenario.Scenario, type, policy.Defaults, policy.Confidence) is { } advice)
                {
                    notices.Add(advice);
                }

                foreach (var row in type.Functions)
                {
                    var (settings, rule) = resolve(row.Function, type.SampleType);
                    if (FunctionJudge.Judge(scenario.Scenario, type, row, settings.Over(policy.Defaults), rule, policy.Confidence) is { } candidate)
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            if (scenario.Time is { } time)
            {
                foreach (var (candidate, notice) in TimeJudge.Judge(scenario.Scenario, time, policy.Time, policy.Confidence))
                {
                    candidates.AddIf(candidate);
                    notices.AddIf(notice);
                }
            }
        }

        foreach (var name in comparison.OnlyInBase)
        {
            notices.Add(Notice(name, FindingLevel.Info, "scenarios", $"scenario '{name}' is in base only; not compared"));
        }

        foreach (var name in comparison.OnlyInHead)
        {
            notices.Add(Notice(name, FindingLevel.Info, "scenarios", $"scenario '{name}' is in head only; not compared"));
        }

        var adjusted = Holm.Adjust([.. candidates.Select(c => c.PValue)]);
        var alpha = 1 - policy.Confidence;
        var findings = candidates
            .Select((c, i) => (c, p: adjusted[i]))
            .Where(t => t.p <= alpha)
            .Select(t => t.c.Draft with { PValue = t.p })
            .ToList();
        findings = ApplyEnvironment(findings, notices, comparison.Provenance, policy.OnEnvironmentMismatch);
        return new Verdict([.. Order(findings.Concat(notices))]);
    }

    /// <summary>Findings most severe first: level, then kind, then size of change, then names.</summary>
    public static IEnumerable<Finding> Order(IEnumerable<Finding> findings) => findings
        .OrderBy(f => f.Level)
        .ThenBy(f => KindRank(f.Kind))
        .ThenByDescending(f => Math.Abs(f.Delta))
        .ThenBy(f => f.Scenario, StringComparer.Ordinal)
        .ThenBy(f => f.Function, StringComparer.Ordinal)
        .ThenBy(f => f.SampleType, StringComparer.Ordinal)
        .ThenBy(f => f.Message ?? "", StringComparer.Ordinal);

    private static List<Finding> ApplyEnvironment(List<Finding> findings, List<Finding> notices, Provenance provenance, EnvironmentMismatch mode)
    {
        if (provenance.EnvironmentMatches != false)
        {
            return findings;
        }

        var differences = string.Join("; ", provenance.EnvironmentDifferences);
        switch (mode)
        {
            case EnvironmentMismatch.Warn:
                notices.Add(Notice("", FindingLevel.Warn, "environment", $"base and head ran on different environments ({differences}); failures are reported as warnings"));
                return [.. findings.Select(f => f.Level == FindingLevel.Fail ? f with { Level = FindingLevel.Warn } : f)];
            case EnvironmentMismatch.Skip:
                notices.Add(Notice("", FindingLevel.Warn, "environment", $"base and head ran on different environments ({differences}); {findings.Count} finding(s) skipped"));
                return [];
            default:
                notices.Add(Notice("", FindingLevel.Info, "environment", $"base and head ran on different environments ({differences}); findings kept as configured"));
                return findings;
        }
    }

    private static Finding Notice(string scenario, FindingLevel level, string rule, string message) => new()
    {
        Scenario = scenario,
        Function = "",
        Kind = FindingKind.Notice,
        Level = level,
        SampleType = "",
        Rule = rule,
        Message = message,
    };

    private static int KindRank(FindingKind kind) => kind switch
    {
        FindingKind.Regression => 0,
        FindingKind.New => 1,
        FindingKind.Improvement => 2,
        FindingKind.Gone => 3,
        _ => 4,
    };

    private static bool Included(GatePolicy policy, string scenario) =>
        (policy.IncludeScenarios.IsDefaultOrEmpty || policy.IncludeScenarios.Any(g => GlobMatches(g, scenario)))
        && !policy.ExcludeScenarios.Any(g => GlobMatches(g, scenario));

    private static Func<string, SampleType, (RuleSettings, string)> DefaultResolver(GatePolicy policy) => (function, type) =>
    {
        foreach (var rule in policy.Rules)
        {
            var sampleType = rule.Settings.SampleType;
            if (GlobMatches(rule.Match, function)
                && (sampleType is null || sampleType.Equals(type.Type, StringComparison.OrdinalIgnoreCase) || sampleType.Equals(type.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                return (rule.Settings.Over(policy.Defaults), rule.Name);
            }
        }

        return (policy.Defaults, "defaults");
    };

    private static bool GlobMatches(string glob, string text)
    {
        int g = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || glob[g] == text[t]))
            {
                g++;
                t++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                mark = t;
            }
            else if (star >= 0)
            {
                g = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }

    private static void AddIf<T>(this List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
