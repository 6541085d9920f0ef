namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>One row of a findings table, every cell ready to print.</summary>
public sealed record FindingRowView
{
    /// <summary>An emoji for the level (🔴 fail, 🟠 warn, ⚪ info, ✅ accepted, 🟢 improvement).</summary>
    public required string Icon { get; init; }

    /// <summary><c>fail</c>, <c>warn</c>, <c>info</c> or <c>accepted</c>.</summary>
    public required string Status { get; init; }

    /// <summary><c>regression</c>, <c>improvement</c>, <c>new</c>, <c>gone</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The function (escaped; a code span in Markdown), or a label such as <c>⏱ wall time</c>.</summary>
    public required string Function { get; init; }

    /// <summary>The scenario (escaped).</summary>
    public required string Scenario { get; init; }

    /// <summary>Sample type and measure, e.g. <c>cpu · self</c>.</summary>
    public required string Measure { get; init; }

    /// <summary>Base value: a share (<c>12.10%</c>), milliseconds for time, or the dash.</summary>
    public required string Base { get; init; }

    /// <summary>Head value.</summary>
    public required string Head { get; init; }

    /// <summary>The difference in share points (<c>+1.50 pts</c>) or milliseconds.</summary>
    public required string Delta { get; init; }

    /// <summary>The change with its interval, e.g. <c>+12.4% [+9.1%, +15.8%]</c>.</summary>
    public required string Change { get; init; }

    /// <summary>The threshold, e.g. <c>+10%</c>, or the dash.</summary>
    public required string Threshold { get; init; }

    /// <summary>The rule that applied (escaped).</summary>
    public required string Rule { get; init; }

    /// <summary>The p-value after correction (<c>p = 0.004</c>), or empty.</summary>
    public required string Significance { get; init; }

    /// <summary>True when the regression was accepted for this change.</summary>
    public required bool Accepted { get; init; }
}
