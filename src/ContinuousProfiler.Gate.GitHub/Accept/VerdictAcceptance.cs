using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.GitHub.Accept;

/// <summary>Turns the fail-level findings an <see cref="AcceptRequest"/> covers into accepted warnings.</summary>
public static class VerdictAcceptance
{
    /// <summary>
    /// The verdict with every covered fail-level finding marked <see cref="Finding.Accepted"/> and lowered to
    /// <see cref="FindingLevel.Warn"/>, so it is shown but no longer fails the gate. Order is the gate's: level, kind, size of change, names.
    /// </summary>
    public static Verdict Apply(Verdict verdict, AcceptRequest request)
    {
        if (request.IsEmpty)
        {
            return verdict;
        }

        var globs = request.Globs.Select(Parse).ToList();
        bool Covers(Finding f) => request.Label || globs.Any(g => g.IsMatch(f.Function));
        var findings = verdict.Findings
            .Select(f => f.Level == FindingLevel.Fail && Covers(f) ? f with { Level = FindingLevel.Warn, Accepted = true } : f);
        return verdict with { Findings = [.. GateEvaluator.Order(findings)] };
    }

    private static Glob Parse(string glob)
    {
        try
        {
            return Glob.Parse(glob);
        }
        catch (FormatException e)
        {
            throw new InputException($"commit trailer '{AcceptRequest.TrailerKey}: {glob}': {e.Message}; amend the commit message or push a commit with a corrected trailer");
        }
    }
}
