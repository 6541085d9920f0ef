using System.Globalization;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>Turns a finding into a table row.</summary>
public static class FindingRowBuilder
{
    /// <summary>The sample type name the engine gives scenario-time findings.</summary>
    public const string TimeSampleType = "time";

    /// <summary>True for scenario wall/CPU time findings (not a function).</summary>
    public static bool IsTime(Finding finding) => finding.SampleType == TimeSampleType;

    /// <summary>
    /// The row for <paramref name="finding"/>; <paramref name="headFactor"/> (the sample type's
    /// <see cref="Core.Comparison.SampleTypeComparison.HeadFactor"/>) turns head shares into plain shares of the head run.
    /// </summary>
    public static FindingRowView Build(Finding finding, ReportDialect dialect, int nameLength, double headFactor = 1)
    {
        var time = IsTime(finding);
        var head = time ? finding.Head : HeadShare.Plain(finding.Head, headFactor);
        var delta = time ? finding.Delta : (head - finding.Base) * 100;
        return new FindingRowView
        {
            Icon = Icon(finding),
            Status = finding.Accepted ? "accepted" : Level(finding.Level),
            Kind = Kind(finding.Kind),
            Function = time ? dialect.Prose(finding.Function.Trim('(', ')'), nameLength) : dialect.Name(finding.Function, nameLength),
            Scenario = dialect.Name(finding.Scenario, nameLength),
            Measure = time ? "time" : $"{dialect.Prose(finding.SampleType, 40)} · {(finding.Measure == Core.Policy.Measure.Self ? "self" : "total")}",
            Base = time ? NumberText.Milliseconds(finding.Base) : NumberText.ShareOrAbsent(finding.Base, finding.Kind == FindingKind.New),
            Head = time ? NumberText.Milliseconds(head) : NumberText.ShareOrAbsent(head, finding.Kind == FindingKind.Gone),
            Delta = time ? Signed(NumberText.Milliseconds(delta), delta) : NumberText.Points(delta),
            Change = Change(finding, headFactor),
            Threshold = finding.Threshold is { } t ? NumberText.Threshold(t) : NumberText.Absent,
            Rule = dialect.Name(finding.Rule, nameLength),
            Significance = finding.PValue is { } p ? (p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture)) : "",
            Accepted = finding.Accepted,
        };
    }

    /// <summary>
    /// The change as shown in tables: relative with interval (normalized, as judged), or, when base is zero,
    /// the head run's plain share in points (scaled by <paramref name="headFactor"/> like the share columns).
    /// </summary>
    public static string Change(Finding finding, double headFactor = 1)
    {
        if (finding.Change is { } change)
        {
            return NumberText.ChangeWithInterval(change, finding.Interval.Low, finding.Interval.High);
        }

        var prefix = finding.Kind switch
        {
            FindingKind.New => "new, ",
            FindingKind.Gone => "gone, ",
            _ => "",
        };
        var scale = IsTime(finding) ? 1 : headFactor;
        var points = IsTime(finding) ? Signed(NumberText.Milliseconds(finding.Delta), finding.Delta) : NumberText.Points(finding.Delta * scale);
        return finding.Interval.IsEmpty || IsTime(finding)
            ? prefix + points
            : $"{prefix}{points} [{NumberText.Points(finding.Interval.Low * scale)}, {NumberText.Points(finding.Interval.High * scale)}]";
    }

    /// <summary>The change without interval, for compact places.</summary>
    public static string ShortChange(Finding finding) => finding.Change is { } change
        ? NumberText.Change(change)
        : finding.Kind == FindingKind.New ? "new" : NumberText.Points(finding.Delta);

    /// <summary><c>fail</c>, <c>warn</c> or <c>info</c>.</summary>
    public static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Fail => "fail",
        FindingLevel.Warn => "warn",
        _ => "info",
    };

    private static string Kind(FindingKind kind) => kind switch
    {
        FindingKind.Regression => "regression",
        FindingKind.Improvement => "improvement",
        FindingKind.New => "new",
        FindingKind.Gone => "gone",
        _ => "notice",
    };

    private static string Icon(Finding finding) => finding switch
    {
        { Accepted: true } => "✅",
        { Kind: FindingKind.Improvement or FindingKind.Gone } => "🟢",
        { Level: FindingLevel.Fail } => "🔴",
        { Level: FindingLevel.Warn } => "🟠",
        _ => "⚪",
    };

    private static string Signed(string text, double value) => value > 0 ? "+" + text : text;
}
