namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>How much a view shows; the PR comment shrinks these until it fits GitHub's limit.</summary>
/// <param name="Rows">Rows per findings table.</param>
/// <param name="FlamePaths">Regressions that get a text flame path.</param>
/// <param name="PathsPerFunction">Call paths shown per regression.</param>
/// <param name="NameLength">Longest name shown, in UTF-16 units (longer ones are shortened in the middle).</param>
/// <param name="Notices">Notices listed.</param>
public sealed record ViewLimits(int Rows, int FlamePaths, int PathsPerFunction, int NameLength, int Notices)
{
    /// <summary>The PR comment's first try.</summary>
    public static readonly ViewLimits Comment = new(Rows: 10, FlamePaths: 5, PathsPerFunction: 3, NameLength: 120, Notices: 10);

    /// <summary>The job summary, the console and the HTML report.</summary>
    public static readonly ViewLimits Full = new(Rows: 50, FlamePaths: 10, PathsPerFunction: 3, NameLength: 200, Notices: 50);

    /// <summary>The next smaller limits, or null when nothing is left to cut.</summary>
    public ViewLimits? Smaller() => this switch
    {
        { Rows: > 0 } or { FlamePaths: > 0 } or { Notices: > 0 } => new(Rows / 2, FlamePaths / 2, Math.Max(1, PathsPerFunction - 1), Math.Max(40, NameLength * 2 / 3), Notices / 2),
        _ => null,
    };
}
