using ContinuousProfiler.Gate.Config;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>
/// <c>profgate diff</c>: load both sides and the config, compare, judge, render. Returns the gate's
/// exit code (0 pass, 1 a fail-level regression).
/// </summary>
internal sealed class DiffService(CliContext context)
{
    public int Run(DiffOptions options)
    {
        var policy = options.Config is { } config ? ConfigLoader.Load(config) : ConfigLoader.LoadOrDefault(Directory.GetCurrentDirectory());
        // The two sides are independent and loading is most of the work on big profiles.
        var loading = Task.Run(() => DiffSide.Load(options.Head, options.MaxInputBytes));
        var baseSide = DiffSide.Load(options.Base, options.MaxInputBytes);
        var headSide = loading.GetAwaiter().GetResult();
        var nameOf = FrameNormalizer.For(policy).NameOf;
        var comparison = Comparer.Compare(
            baseSide.Scenarios,
            headSide.Scenarios,
            new ComparisonOptions { NameOf = nameOf, SampleType = options.SampleType, MinJitter = policy.Jitter },
            Provenance(baseSide, headSide));
        if (comparison.Scenarios.IsEmpty)
        {
            throw new InputException($"no scenario in common: base {options.Base} has {Names(baseSide)}, head {options.Head} has {Names(headSide)}; compare sets of the same capture (or single profiles)");
        }

        var verdict = GateEvaluator.Evaluate(comparison, new PolicyResolver(policy, PrimarySampleType(comparison, headSide)));
        var document = new DiffDocument(baseSide, headSide, comparison, verdict, nameOf, options.Out is null && context.UseColor);
        if (options.Out is { } path)
        {
            AtomicText.Write(path, writer => DiffFormats.Render(options.Format, document, writer));
            context.Out.WriteLine($"profgate: {verdict.Outcome} ({Count(verdict)}); wrote {path}");
        }
        else
        {
            DiffFormats.Render(options.Format, document, context.Out);
        }

        return verdict.ExitCode;
    }

    private static Provenance Provenance(DiffSide baseSide, DiffSide headSide)
    {
        var provenance = new Provenance
        {
            Source = baseSide.Path,
            BaseCommit = baseSide.Manifest?.Commit,
            HeadCommit = headSide.Manifest?.Commit,
        };
        if (baseSide.Manifest?.Environment is { IsUnknown: false } baseEnvironment && headSide.Manifest?.Environment is { IsUnknown: false } headEnvironment)
        {
            var differences = baseEnvironment.Differences(headEnvironment);
            provenance = provenance with { EnvironmentMatches = differences.Count == 0, EnvironmentDifferences = [.. differences] };
        }

        return provenance;
    }

    /// <summary>
    /// The type rules without a sample type judge: the head profile's default type when it was compared
    /// (so a pprof CPU profile is judged on cpu, not on its samples column as well), else every compared type.
    /// </summary>
    private static string? PrimarySampleType(ComparisonResult comparison, DiffSide head)
    {
        var first = head.Scenarios[0].Runs[0];
        var type = first.SampleTypes[first.DefaultSampleType];
        return comparison.Scenarios.All(s => s.SampleTypes.Any(t => t.SampleType == type)) ? type.Type : null;
    }

    private static string Names(DiffSide side) => string.Join(", ", side.Scenarios.Select(s => $"'{s.Name}'"));

    private static string Count(Verdict verdict)
    {
        var failures = verdict.Findings.Count(f => f.Level == FindingLevel.Fail);
        var warnings = verdict.Findings.Count(f => f.Level == FindingLevel.Warn && f.Kind != FindingKind.Notice);
        return $"{failures} failure{(failures == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
    }
}
