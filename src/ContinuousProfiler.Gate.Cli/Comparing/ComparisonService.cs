using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Cli.Comparing;

/// <summary>One side of a comparison as loaded: its scenarios and, for a ProfileSet, its manifest.</summary>
/// <param name="Label">What the user knows it as (a path, "base abc1234"), for messages.</param>
/// <param name="Scenarios">The scenarios with their runs.</param>
/// <param name="Manifest">The set's manifest, or null for a plain profile file.</param>
internal sealed record ComparisonSide(string Label, IReadOnlyList<ScenarioRuns> Scenarios, ProfileSetManifest? Manifest)
{
    /// <summary>A loaded ProfileSet as a side.</summary>
    public static ComparisonSide Of(string label, LoadedProfileSet set) => new(label, set.Scenarios, set.Manifest);
}

/// <summary>A comparison and the gate's verdict on it.</summary>
/// <param name="Comparison">Base and head aligned.</param>
/// <param name="Verdict">The findings.</param>
/// <param name="NameOf">The frame-name normalizer the comparison used.</param>
internal sealed record JudgedComparison(ComparisonResult Comparison, Verdict Verdict, Func<Frame, string> NameOf);

/// <summary>
/// Compare, then judge, under the repository's policy: the one step <c>diff</c>, <c>local</c> and <c>demo</c>
/// share (normalize frames, align every common scenario, evaluate with the head's primary sample type, and
/// record whether the two environments match).
/// </summary>
internal static class ComparisonService
{
    /// <summary>Compares and judges.</summary>
    /// <param name="baseSide">The base.</param>
    /// <param name="headSide">The head.</param>
    /// <param name="policy">The repository's policy.</param>
    /// <param name="provenance">Where base came from (environment match is filled in from the manifests).</param>
    /// <param name="sampleType">The one sample type to compare, or null for every common one.</param>
    /// <param name="judgeEveryType">
    /// Judge every compared type (e.g. CPU and allocations when the user asked for both) instead of only
    /// head's default type, when the policy names none.
    /// </param>
    public static JudgedComparison Run(ComparisonSide baseSide, ComparisonSide headSide, GatePolicy policy, Provenance provenance, string? sampleType = null, bool judgeEveryType = false)
    {
        var options = Options(policy, sampleType);
        var comparison = Comparer.Compare(baseSide.Scenarios, headSide.Scenarios, options, WithEnvironment(provenance, baseSide.Manifest, headSide.Manifest));
        if (comparison.Scenarios.IsEmpty)
        {
            throw new InputException($"no scenario in common: {baseSide.Label} has {Names(baseSide)}, {headSide.Label} has {Names(headSide)}; compare sets of the same capture (or single profiles)");
        }

        return new JudgedComparison(comparison, Judge(comparison, headSide.Scenarios, policy, judgeEveryType), options.NameOf!);
    }

    /// <summary>How the policy aligns base and head: its frame normalizer and jitter floor.</summary>
    public static ComparisonOptions Options(GatePolicy policy, string? sampleType = null) =>
        new() { NameOf = FrameNormalizer.For(policy).NameOf, SampleType = sampleType, MinJitter = policy.Jitter };

    /// <summary>The verdict on a comparison, judging head's primary sample type unless <paramref name="judgeEveryType"/>.</summary>
    public static Verdict Judge(ComparisonResult comparison, IReadOnlyList<ScenarioRuns> head, GatePolicy policy, bool judgeEveryType = false) =>
        GateEvaluator.Evaluate(comparison, new PolicyResolver(policy, judgeEveryType || head.Count == 0 ? null : PrimarySampleType(comparison, head)));

    /// <summary>"2 failures, 1 warning" for one-line summaries.</summary>
    public static string Count(Verdict verdict)
    {
        var failures = verdict.Findings.Count(f => f.Level == FindingLevel.Fail);
        var warnings = verdict.Findings.Count(f => f.Level == FindingLevel.Warn && f.Kind != FindingKind.Notice);
        return $"{failures} failure{(failures == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
    }

    private static Provenance WithEnvironment(Provenance provenance, ProfileSetManifest? baseManifest, ProfileSetManifest? headManifest)
    {
        if (baseManifest?.Environment is { IsUnknown: false } baseEnvironment && headManifest?.Environment is { IsUnknown: false } headEnvironment)
        {
            var differences = baseEnvironment.Differences(headEnvironment);
            return provenance with { EnvironmentMatches = differences.Count == 0, EnvironmentDifferences = [.. differences] };
        }

        return provenance;
    }

    /// <summary>
    /// The type rules without a sample type judge: the head profile's default type when it was compared
    /// (so a pprof CPU profile is judged on cpu, not on its samples column as well), else every compared type.
    /// </summary>
    private static string? PrimarySampleType(ComparisonResult comparison, IReadOnlyList<ScenarioRuns> head)
    {
        var first = head[0].Runs[0];
        var type = first.SampleTypes[first.DefaultSampleType];
        return comparison.Scenarios.All(s => s.SampleTypes.Any(t => t.SampleType == type)) ? type.Type : null;
    }

    private static string Names(ComparisonSide side) => string.Join(", ", side.Scenarios.Select(s => $"'{s.Name}'"));
}
