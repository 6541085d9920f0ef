using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports;

namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>Everything a diff output format may render: both inputs, the comparison, the verdict.</summary>
/// <param name="Base">The base side as loaded.</param>
/// <param name="Head">The head side as loaded.</param>
/// <param name="Comparison">Base and head aligned.</param>
/// <param name="Verdict">The gate's findings.</param>
/// <param name="NameOf">The frame-name normalizer the comparison used.</param>
/// <param name="UseColor">True when the output is a terminal that takes colors.</param>
internal sealed record DiffDocument(DiffSide Base, DiffSide Head, ComparisonResult Comparison, Verdict Verdict, Func<Frame, string> NameOf, bool UseColor)
{
    /// <summary>A folder of templates that replace the embedded ones (<c>--templates</c>), or null.</summary>
    public string? Templates { get; init; }

    /// <summary>The input of the report renderers.</summary>
    public ReportInput Report => new(Comparison, Verdict) { UseColor = UseColor, TemplatesDirectory = Templates };
}
