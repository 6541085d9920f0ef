using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>Builds the <see cref="ReportView"/> every template receives.</summary>
public static partial class ReportViewBuilder
{
    /// <summary>Builds the view of <paramref name="input"/> for <paramref name="dialect"/> within <paramref name="limits"/>.</summary>
    public static ReportView Build(ReportInput input, ReportDialect dialect, ViewLimits limits)
    {
        var comparison = input.Comparison;
        var findings = input.Verdict.Findings.IsDefault ? [] : input.Verdict.Findings;
        var regressions = findings.Where(f => f.Kind is FindingKind.Regression or FindingKind.New).ToList();
        var improvements = findings.Where(f => f.Kind is FindingKind.Improvement or FindingKind.Gone).ToList();
        // With no baseline the provenance line already gives the reason; the engine's matching notice would repeat it.
        var noBaseline = comparison.Provenance.NoBaselineReason is not null;
        var notices = findings.Where(f => f.Kind == FindingKind.Notice && !(noBaseline && f.Rule == "baseline")).ToList();
        var group = Group(input.Group);
        var n = limits.NameLength;

        return new ReportView
        {
            Marker = $"<!-- profgate:comment group={group} -->",
            Group = group,
            Title = dialect.Prose(input.Title ?? $"profgate: {group}", 200),
            Verdict = VerdictViewBuilder.Build(comparison, input.Verdict),
            Counts = FunctionOutcomes.Count(comparison.Scenarios, input.Verdict),
            Regressions = [.. regressions.Take(limits.Rows).Select(f => FindingRowBuilder.Build(f, dialect, n, HeadShare.FactorOf(comparison, f.Scenario, f.SampleType)))],
            MoreRegressions = More(regressions.Count, limits.Rows, "regression"),
            Improvements = [.. improvements.Take(limits.Rows).Select(f => FindingRowBuilder.Build(f, dialect, n, HeadShare.FactorOf(comparison, f.Scenario, f.SampleType)))],
            MoreImprovements = More(improvements.Count, limits.Rows, "improvement"),
            SharesNote = regressions.Concat(improvements).Any(f => !FindingRowBuilder.IsTime(f)) ? dialect.Prose(HeadShare.Note, 300) : "",
            Notices = [.. notices.Take(limits.Notices).Select(f => new NoticeView(
                f.Scenario.Length == 0 ? "" : dialect.Name(f.Scenario, n),
                dialect.Prose(f.Message ?? f.Function, 500),
                FindingRowBuilder.Level(f.Level)))],
            MoreNotices = More(notices.Count, limits.Notices, "note"),
            FlamePaths = [.. regressions
                .Where(f => !FindingRowBuilder.IsTime(f))
                .Take(Math.Min(limits.FlamePaths, limits.Rows))
                .Select(f => FlamePathBuilder.Build(comparison, f, dialect, limits.PathsPerFunction, n))
                .OfType<FlamePathView>()],
            Scenarios = [.. comparison.Scenarios.Select(s => ScenarioViewBuilder.Build(s, input.Verdict, dialect, n))],
            MultipleScenarios = comparison.Scenarios.Length > 1,
            Provenance = ProvenanceViewBuilder.Build(comparison.Provenance, dialect),
            Links = new LinksView(dialect.Url(input.Links.ReportUrl), dialect.Url(input.Links.RunUrl)),
            Generator = dialect.Prose(input.Generator, 80),
        };
    }

    /// <summary>The group as it appears in the marker: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most 64 characters.</summary>
    public static string Group(string group)
    {
        var clean = UnsafeGroupCharacters().Replace(group, "-").Trim('-');
        return clean.Length == 0 ? "default" : clean.Length > 64 ? clean[..64] : clean;
    }

    private static string More(int count, int shown, string noun) =>
        count > shown ? $"… and {Wording.Plural(count - shown, "more " + noun, "more " + noun + "s")} (see the full report)" : "";

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeGroupCharacters();
}
