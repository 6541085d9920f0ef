using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>One simulated comparison: draw base and head runs, compare, judge, summarize what was flagged.</summary>
public static class Trial
{
    public static Verdict Run(RunSimulator simulator, SyntheticProgram baseProgram, SyntheticProgram headProgram, int runs, GatePolicy policy)
    {
        var baseRuns = simulator.Draw(baseProgram, runs);
        var headRuns = simulator.Draw(headProgram, runs);
        var options = new ComparisonOptions { MinJitter = policy.Jitter };
        var comparison = Comparer.Compare([baseRuns], [headRuns], options);
        return GateEvaluator.Evaluate(comparison, policy);
    }

    /// <summary>True when some function other than <paramref name="except"/> has a finding at <paramref name="atMost"/> level or worse (notices and improvements aside).</summary>
    public static bool FlagsOther(Verdict verdict, string? except, FindingLevel atMost) =>
        verdict.Findings.Any(f => f.Kind is FindingKind.Regression or FindingKind.New && f.Level <= atMost && f.Function != except);

    /// <summary>True when <paramref name="function"/> has a regression finding at <paramref name="atMost"/> level or worse.</summary>
    public static bool FlagsRegression(Verdict verdict, string function, FindingLevel atMost) =>
        verdict.Findings.Any(f => f.Kind == FindingKind.Regression && f.Level <= atMost && f.Function == function);

    /// <summary>A seed derived from a label (string.GetHashCode is randomized per process).</summary>
    public static int Seed(string label, int seed)
    {
        unchecked
        {
            var hash = (uint)seed * 2654435761u;
            foreach (var c in label)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7fffffff);
        }
    }
}
