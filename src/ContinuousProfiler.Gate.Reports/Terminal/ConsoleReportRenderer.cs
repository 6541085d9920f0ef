using ContinuousProfiler.Gate.Reports.Text;
using ContinuousProfiler.Gate.Reports.Views;

namespace ContinuousProfiler.Gate.Reports.Terminal;

/// <summary>
/// The verdict and tables for a terminal (<c>profgate diff</c>, <c>profgate local</c>). ANSI colors only
/// when the caller says so (a terminal with <c>NO_COLOR</c> unset); names are stripped of control characters
/// so a function name cannot send escape sequences.
/// </summary>
public static class ConsoleReportRenderer
{
    private static readonly ViewLimits Limits = new(Rows: 20, FlamePaths: 3, PathsPerFunction: 1, NameLength: 70, Notices: 20);

    /// <summary>Writes the console report.</summary>
    public static void Render(ReportInput input, TextWriter output)
    {
        var view = ReportViewBuilder.Build(input, ReportDialect.Plain, Limits);
        var paint = new Paint(input.UseColor);
        var outcomeColor = view.Verdict.Outcome switch
        {
            "fail" => Paint.Red,
            "warn" => Paint.Yellow,
            "pass" => Paint.Green,
            _ => Paint.Cyan,
        };
        var label = view.Verdict.Outcome == "no-baseline" ? "PASS" : view.Verdict.Outcome.ToUpperInvariant();
        output.WriteLine($"{paint.Apply(Paint.Bold + outcomeColor, label)}  {paint.Apply(Paint.Bold, view.Verdict.Title)}: {view.Verdict.Sentence}");
        var c = view.Counts;
        if (view.Provenance.HasBaseline)
        {
            output.WriteLine($"  {c.Regressed} regressed · {c.Improved} improved · {c.Unchanged} unchanged · {c.New} new · {c.Gone} gone (of {c.Compared} functions)");
        }

        Table(output, paint, "Regressed", view.Regressions, view.MoreRegressions, view.MultipleScenarios, withRule: true);
        foreach (var path in view.FlamePaths)
        {
            foreach (var line in path.Lines)
            {
                output.WriteLine("    " + paint.Apply(Paint.Dim, line));
            }
        }

        Table(output, paint, "Improved", view.Improvements, view.MoreImprovements, view.MultipleScenarios, withRule: false);
        if (view.SharesNote.Length > 0)
        {
            output.WriteLine("  " + paint.Apply(Paint.Dim, view.SharesNote));
        }
        if (view.Notices.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(paint.Apply(Paint.Bold, "Notes"));
            foreach (var notice in view.Notices)
            {
                output.WriteLine($"  {(notice.Scenario.Length > 0 ? notice.Scenario + ": " : "")}{notice.Message}");
            }

            if (view.MoreNotices.Length > 0)
            {
                output.WriteLine("  " + view.MoreNotices);
            }
        }

        output.WriteLine();
        output.WriteLine(Provenance(view.Provenance));
        if (view.Links.ReportUrl.Length > 0)
        {
            output.WriteLine("Report: " + view.Links.ReportUrl);
        }

        if (view.Links.RunUrl.Length > 0)
        {
            output.WriteLine("Run:    " + view.Links.RunUrl);
        }
    }

    private static void Table(TextWriter output, Paint paint, string title, IReadOnlyList<FindingRowView> rows, string more, bool scenarios, bool withRule)
    {
        if (rows.Count == 0 && more.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(paint.Apply(Paint.Bold, title));
        var cells = rows.Select(r => new List<string>
        {
            withRule ? r.Status : r.Kind,
            r.Function,
            scenarios ? r.Scenario : "",
            r.Measure,
            $"{r.Base} → {r.Head}",
            r.Change,
            withRule && r.Threshold != NumberText.Absent ? "threshold " + r.Threshold : "",
            withRule ? r.Rule : "",
        }).ToList();
        var widths = Enumerable.Range(0, 8).Select(i => cells.Select(row => row[i].Length).DefaultIfEmpty(0).Max()).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var color = rows[i].Status switch
            {
                "fail" => Paint.Red,
                "warn" => Paint.Yellow,
                "accepted" => Paint.Cyan,
                _ when rows[i].Kind is "improvement" or "gone" => Paint.Green,
                _ => Paint.Dim,
            };
            var line = string.Join("  ", cells[i].Select((cell, j) => cell.PadRight(widths[j])).Where((cell, j) => widths[j] > 0)).TrimEnd();
            var status = cells[i][0].PadRight(widths[0]);
            output.WriteLine("  " + paint.Apply(color, status) + line[status.Length..]);
        }

        if (more.Length > 0)
        {
            output.WriteLine("  " + more);
        }
    }

    private static string Provenance(ProvenanceView p)
    {
        if (!p.HasBaseline)
        {
            return "No baseline: " + p.NoBaselineReason;
        }

        var parts = new List<string>();
        var head = "Baseline" + (p.BaseCommit.Length == 0 && p.Source.Length == 0 ? " (no commit recorded)" : "") + (p.BaseCommit.Length > 0 ? " " + p.BaseCommit : "") + (p.Distance.Length > 0 ? $" ({p.Distance})" : "") + (p.Source.Length > 0 ? " from " + p.Source : "");
        parts.Add(head);
        if (p.HeadCommit.Length > 0)
        {
            parts.Add("head " + p.HeadCommit);
        }

        parts.Add(p.EnvironmentText + (p.EnvironmentDifferences.Count > 0 ? ": " + string.Join("; ", p.EnvironmentDifferences) : ""));
        return string.Join(" · ", parts);
    }

    private sealed class Paint(bool enabled)
    {
        public const string Red = "\u001b[31m";
        public const string Green = "\u001b[32m";
        public const string Yellow = "\u001b[33m";
        public const string Cyan = "\u001b[36m";
        public const string Bold = "\u001b[1m";
        public const string Dim = "\u001b[2m";
        private const string Reset = "\u001b[0m";

        public string Apply(string code, string text) => enabled && text.Length > 0 ? code + text + Reset : text;
    }
}
