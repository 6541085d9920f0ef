using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>The gate's decision: pass or fail, and every finding behind it (most severe first).</summary>
/// <param name="Findings">Findings ordered by level, then by size of change.</param>
public sealed record Verdict(ImmutableArray<Finding> Findings)
{
    /// <summary>True when at least one finding is fail-level.</summary>
    public bool Failed => Findings.Any(f => f.Level == FindingLevel.Fail);

    /// <summary><c>pass</c> or <c>fail</c>.</summary>
    public string Outcome => Failed ? "fail" : "pass";

    /// <summary>0 pass, 1 regression.</summary>
    public int ExitCode => Failed ? ExitCodes.Regression : ExitCodes.Pass;
}
