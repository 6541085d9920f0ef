namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>
/// What every report template receives (as <c>report</c>): all text escaped for the target format and
/// every number formatted, so templates only loop and branch.
/// </summary>
public sealed record ReportView
{
    /// <summary>The hidden first-line marker of the PR comment, e.g. <c>&lt;!-- profgate:comment group=ci --&gt;</c>.</summary>
    public required string Marker { get; init; }

    /// <summary>The scenario group (sanitized to letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public required string Group { get; init; }

    /// <summary>The report title.</summary>
    public required string Title { get; init; }

    /// <summary>The one-line verdict.</summary>
    public required VerdictView Verdict { get; init; }

    /// <summary>Counts of functions by outcome.</summary>
    public required CountsView Counts { get; init; }

    /// <summary>Regressions and new hotspots, most severe first, at most the row limit.</summary>
    public required IReadOnlyList<FindingRowView> Regressions { get; init; }

    /// <summary>"… and 12 more regressions" when the table was cut, else empty.</summary>
    public required string MoreRegressions { get; init; }

    /// <summary>Improvements and vanished hotspots.</summary>
    public required IReadOnlyList<FindingRowView> Improvements { get; init; }

    /// <summary>"… and N more improvements" when the table was cut, else empty.</summary>
    public required string MoreImprovements { get; init; }

    /// <summary>Notices (too few samples, environment mismatch, …).</summary>
    public required IReadOnlyList<NoticeView> Notices { get; init; }

    /// <summary>"… and N more notes" when the list was cut, else empty.</summary>
    public required string MoreNotices { get; init; }

    /// <summary>What the share columns and the change mean (<see cref="HeadShare.Note"/>) when a table is shown, else empty.</summary>
    public string SharesNote { get; init; } = "";

    /// <summary>Text flame paths for the top regressions.</summary>
    public required IReadOnlyList<FlamePathView> FlamePaths { get; init; }

    /// <summary>Every scenario compared.</summary>
    public required IReadOnlyList<ScenarioView> Scenarios { get; init; }

    /// <summary>True when more than one scenario was compared (templates add a scenario column).</summary>
    public required bool MultipleScenarios { get; init; }

    /// <summary>Where the base came from.</summary>
    public required ProvenanceView Provenance { get; init; }

    /// <summary>Links to the HTML report and the run.</summary>
    public required LinksView Links { get; init; }

    /// <summary>Tool name and version, e.g. <c>profgate 0.1.0</c>.</summary>
    public required string Generator { get; init; }
}

/// <summary>The verdict line: never contradicts the tables, because it is counted from the same findings.</summary>
/// <param name="Outcome"><c>fail</c>, <c>warn</c>, <c>pass</c> or <c>no-baseline</c>.</param>
/// <param name="Icon">An emoji for Markdown.</param>
/// <param name="Title">e.g. <c>Performance regression</c>.</param>
/// <param name="Sentence">e.g. <c>2 regressions fail the gate.</c> (escaped).</param>
public sealed record VerdictView(string Outcome, string Icon, string Title, string Sentence);

/// <summary>How many functions regressed, improved, stayed, appeared and vanished (each counted once per scenario).</summary>
public sealed record CountsView(string Regressed, string Improved, string Unchanged, string New, string Gone, string Compared);

/// <summary>A notice.</summary>
/// <param name="Scenario">The scenario (escaped), or empty.</param>
/// <param name="Message">The sentence (escaped).</param>
/// <param name="Level"><c>fail</c>, <c>warn</c> or <c>info</c>.</param>
public sealed record NoticeView(string Scenario, string Message, string Level);

/// <summary>The report and run links; empty strings when unknown.</summary>
public sealed record LinksView(string ReportUrl, string RunUrl)
{
    /// <summary>True when at least one link is known.</summary>
    public bool Any => ReportUrl.Length > 0 || RunUrl.Length > 0;
}
