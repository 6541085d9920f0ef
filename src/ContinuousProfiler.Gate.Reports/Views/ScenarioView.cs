namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>One scenario: its sample types and unprofiled times.</summary>
public sealed record ScenarioView
{
    /// <summary>The scenario name (escaped).</summary>
    public required string Name { get; init; }

    /// <summary>One entry per compared sample type.</summary>
    public required IReadOnlyList<SampleTypeView> SampleTypes { get; init; }

    /// <summary>Unprofiled wall time, or null when either side has no timing runs.</summary>
    public required TimeRowView? WallTime { get; init; }

    /// <summary>Unprofiled CPU time, or null.</summary>
    public required TimeRowView? CpuTime { get; init; }

    /// <summary>Counts within this scenario.</summary>
    public required CountsView Counts { get; init; }

    /// <summary><c>fail</c>, <c>warn</c> or <c>pass</c> for this scenario.</summary>
    public required string Outcome { get; init; }
}

/// <summary>One sample type of a scenario.</summary>
/// <param name="Name">e.g. <c>cpu/nanoseconds</c> (escaped).</param>
/// <param name="BaseRuns">Number of base runs.</param>
/// <param name="HeadRuns">Number of head runs.</param>
/// <param name="BaseTotal">Mean base total per run, humanized (<c>10.2 s</c>).</param>
/// <param name="HeadTotal">Mean head total per run.</param>
/// <param name="TotalChange">Relative change of the mean total.</param>
/// <param name="Functions">Functions compared.</param>
/// <param name="Normalization">How shares were normalized (escaped).</param>
public sealed record SampleTypeView(string Name, string BaseRuns, string HeadRuns, string BaseTotal, string HeadTotal, string TotalChange, string Functions, string Normalization);

/// <summary>Median unprofiled time on both sides.</summary>
/// <param name="Base">Base median, e.g. <c>812 ms</c>.</param>
/// <param name="Head">Head median.</param>
/// <param name="Change">Relative change of the median, with the gate's interval when it produced a finding.</param>
/// <param name="Runs">e.g. <c>5 → 5 runs</c>.</param>
public sealed record TimeRowView(string Base, string Head, string Change, string Runs);
