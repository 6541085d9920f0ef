using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Comparison;

namespace ContinuousProfiler.Gate.Store.Baselines;

/// <summary>
/// The outcome of baseline selection: a stored set and where it came from, or no baseline and why
/// (a normal outcome, never an error).
/// </summary>
/// <param name="Set">The chosen set, or null when there is no baseline.</param>
/// <param name="Provenance">Commit, commits back, source and environment match; <see cref="Provenance.NoBaselineReason"/> when none.</param>
/// <param name="Notes">Why each nearer commit was skipped and what git work was done, nearest first.</param>
public sealed record BaselineChoice(StoredSet? Set, Provenance Provenance, ImmutableArray<string> Notes)
{
    /// <summary>The chosen commit SHA, or null.</summary>
    public string? Commit => Set?.Commit;

    /// <summary>One line saying what was chosen and why (or why nothing was).</summary>
    public string Summary => Set is null
        ? Provenance.NoBaselineReason ?? "no baseline"
        : $"baseline {Set.Commit} from {Set.Source}, {Describe(Provenance.CommitsBack ?? 0)}, environment {Environment}";

    private string Environment => Provenance.EnvironmentMatches switch
    {
        true => "matches head",
        false => "differs from head (" + string.Join("; ", Provenance.EnvironmentDifferences) + ")",
        null => "match unknown (no head fingerprint or an old set)",
    };

    private static string Describe(int back) => back switch
    {
        0 => "the merge-base itself",
        1 => "1 commit back from the merge-base",
        _ => $"{back} commits back from the merge-base",
    };
}
