using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// The gate: a function (or scenario time) is reported only when its change beats the rule's
/// relative threshold, the absolute floor, and a one-sided statistical test whose level is
/// corrected across every judged function of the comparison (see <see cref="ScreenedStepDown"/>),
/// so the chance of any false regression per comparison stays at 1 − confidence under the noise
/// model; improvements are corrected the same way, separately. Fail-level = a significant
/// regression at or beyond the fail threshold; an environment mismatch then downgrades failures by policy.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Judges a comparison with a policy's defaults and rules (every common sample type judged).</summary>
    public static Verdict Evaluate(ComparisonResult comparison, GatePolicy policy) => Evaluate(comparison, new PolicyResolver(policy));

    /// <summary>Judges a comparison.</summary>
    /// <param name="comparison">Base and head aligned.</param>
    /// <param name="resolver">The config's rules: which settings apply to which function, sample type and scenario.</param>
    public static Verdict Evaluate(ComparisonResult comparison, PolicyResolver resolver)
    {
        var policy = resolver.Policy;
        if (comparison.Provenance.NoBaselineReason is { } reason)
        {
            return new Verdict([Notice("", FindingLevel.Info, "baseline", $"no baseline: {reason}; nothing to compare, passing")]);
        }

        var candidates = new List<Candidate>();
        var notices = new List<Finding>();
        foreach (var scenario in comparison.Scenarios.Where(s => resolver.IncludesScenario(s.Scenario)))
        {
            var judged = resolver.JudgedSampleTypes([.. scenario.SampleTypes.Select(t => t.SampleType)]);
            foreach (var type in judged.Select(i => scenario.SampleTypes[i]))
            {
                if (SampleSizeAdvisor.Advise(scenario.Scenario, type, resolver.Resolve("", type.SampleType), policy.Confidence) is { } advice)
                {
                    notices.Add(advice);
                }

                foreach (var row in type.Functions)
                {
                    if (FunctionJudge.Judge(scenario.Scenario, type, row, resolver.Resolve(row.Function, type.SampleType), policy.Confidence) is { } candidate)
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            var timeRule = resolver.ResolveTime();
            if (scenario.Time is { } time && !timeRule.Ignore)
            {
                foreach (var (candidate, notice) in TimeJudge.Judge(scenario.Scenario, time, timeRule, policy.Confidence))
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

        var findings = Correct(candidates, 1 - policy.Confidence, 1 - Math.Max(policy.Confidence, policy.FailConfidence));
        findings = MovedSelfCheck.Apply(findings, comparison);
        findings = ApplyEnvironment(findings, notices, comparison.Provenance, policy.OnEnvironmentMismatch);
        return new Verdict([.. Order(findings.Concat(notices))]);
    }

    /// <summary>
    /// Two families per direction, each corrected by <see cref="ScreenedStepDown"/>: every change
    /// that beat the warn threshold and floor, screened against the warn threshold at α; and the
    /// changes that reached the fail threshold, screened against it at the stricter fail α. A change
    /// becomes a finding when either family rejects it, and fail-level only through the fail family,
    /// so under the noise model any false finding has chance ≤ α + fail α and a false failure ≤ fail α.
    /// </summary>
    private static List<Finding> Correct(List<Candidate> candidates, double alpha, double failAlpha)
    {
        var findings = new List<Finding>();
        foreach (var up in new[] { true, false })
        {
            var p = candidates.Select(c => up ? c.PUp : c.PDown).ToArray();
            var direction = candidates.Select(c => up ? c.Up : c.Down).ToArray();
            var warned = ScreenedStepDown.Reject(p, [.. candidates.Select(c => c.ScreenWarn)], direction, alpha);
            var failed = ScreenedStepDown.Reject(p, [.. candidates.Select(c => c.ScreenFail)], [.. direction.Select((d, i) => d && candidates[i].FailTier)], failAlpha);
            for (var i = 0; i < candidates.Count; i++)
            {
                var draft = candidates[i].Draft;
                if (draft is null || (double.IsNaN(warned[i]) && double.IsNaN(failed[i])))
                {
                    continue;
                }

                // The adjusted p-value: the raw one scaled by how much the correction tightened the family's level.
                var adjusted = double.IsNaN(failed[i]) ? p[i] * alpha / warned[i] : p[i] * failAlpha / failed[i];
                var level = draft.Level == FindingLevel.Fail && double.IsNaN(failed[i]) ? FindingLevel.Warn : draft.Level;
                findings.Add(draft with { Level = level, PValue = Math.Min(1, adjusted) });
            }
        }

        return findings;
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

    private static void AddIf<T>(this List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
