using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Policy;

/// <summary>
/// The whole of <c>.profgate.yml</c> after validation. <see cref="Default"/> is what applies with no
/// config file; the README's config table documents every field and default.
/// </summary>
public sealed record GatePolicy
{
    /// <summary>The policy with no config file.</summary>
    public static readonly GatePolicy Default = new();

    /// <summary>The settings every function gets unless a rule says otherwise.</summary>
    public RuleSettings Defaults { get; init; } = new()
    {
        SampleType = null,
        Measure = Policy.Measure.Self,
        Warn = 0.05,
        Fail = 0.10,
        Floor = 0.25,
        Ignore = false,
    };

    /// <summary>Ordered rules; the first whose glob matches a function applies.</summary>
    public ImmutableArray<GateRule> Rules { get; init; } = [];

    /// <summary>
    /// Confidence of the statistics behind every finding: under the noise model, the chance that a
    /// comparison with no real change reports any regression (warning or failure) is at most
    /// 1 − confidence, after correcting for the many functions tested. Also the level of the intervals.
    /// </summary>
    public double Confidence { get; init; } = 0.97;

    /// <summary>
    /// Confidence a fail-level finding needs: the chance that a comparison with no real change fails
    /// the gate is at most 1 − this (0.999 = one in a thousand), so failing a build takes more
    /// evidence than a warning.
    /// </summary>
    public double FailConfidence { get; init; } = 0.999;

    /// <summary>
    /// The least run-to-run jitter the statistics assume: the coefficient of variation of a function's
    /// share between identical runs beyond sampling noise. With several runs per side the data's own
    /// estimate is used when larger; with one run per side this floor and the spread of the functions
    /// themselves set the dispersion of the count-based test. Calibrated on A/A simulations (tests/Accuracy).
    /// </summary>
    public double Jitter { get; init; } = 0.01;

    /// <summary>Scenario-time thresholds from unprofiled timing runs (relative change of the median).</summary>
    public RuleSettings Time { get; init; } = new() { Warn = 0.05, Fail = 0.10 };

    /// <summary>Scenario name globs to include (empty = all).</summary>
    public ImmutableArray<string> IncludeScenarios { get; init; } = [];

    /// <summary>Scenario name globs to leave out.</summary>
    public ImmutableArray<string> ExcludeScenarios { get; init; } = [];

    /// <summary>Extra frame-name rewrites applied after the built-in normalization.</summary>
    public ImmutableArray<RewriteRule> Normalize { get; init; } = [];

    /// <summary>What an environment mismatch between base and head does.</summary>
    public EnvironmentMismatch OnEnvironmentMismatch { get; init; } = EnvironmentMismatch.Warn;

    /// <summary>The <c>local:</c> section (profgate local and the pre-push hook).</summary>
    public LocalSettings Local { get; init; } = new();

    /// <summary>The <c>baseline:</c> section (store baseline selection).</summary>
    public BaselineSettings Baseline { get; init; } = new();
}

/// <summary>The <c>local:</c> section.</summary>
public sealed record LocalSettings
{
    /// <summary>The command that builds and runs the workload in a tree, or null when not configured.</summary>
    public string? Command { get; init; }

    /// <summary>Profiled runs per side.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>The scenario group name.</summary>
    public string Name { get; init; } = "local";

    /// <summary>The profiler to use (<c>dotnet</c>, <c>perf</c>, <c>files</c>), or null to detect.</summary>
    public string? Profiler { get; init; }
}

/// <summary>The <c>baseline:</c> section.</summary>
public sealed record BaselineSettings
{
    /// <summary>How many first-parent ancestors of the merge-base to try when it has no stored set.</summary>
    public int MaxCommitsBack { get; init; } = 20;

    /// <summary>Branch name globs whose push runs may provide baselines.</summary>
    public ImmutableArray<string> Branches { get; init; } = ["main", "master"];
}
