namespace ContinuousProfiler.Gate.GitHub.Statuses;

/// <summary>Posts commit statuses (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>), so a PR shows the gate even when the gate ran in another workflow.</summary>
public interface ICommitStatusClient
{
    /// <summary>Sets <paramref name="status"/> on commit <paramref name="sha"/>.</summary>
    Task Create(string sha, CommitStatus status);
}

/// <summary>The state of a commit status.</summary>
public enum CommitStatusState
{
    /// <summary>Not decided yet.</summary>
    Pending,

    /// <summary>The gate passed.</summary>
    Success,

    /// <summary>The gate found a regression.</summary>
    Failure,

    /// <summary>The gate could not decide (bad input).</summary>
    Error,
}

/// <summary>One commit status.</summary>
/// <param name="State">Pass, fail, …</param>
/// <param name="Context">The status name shown on the PR (e.g. <c>profgate / ci</c>); one per scenario group.</param>
/// <param name="Description">One short line (GitHub keeps 140 characters).</param>
/// <param name="TargetUrl">Where the status links to (the report or the run), or null.</param>
public sealed record CommitStatus(CommitStatusState State, string Context, string Description, string? TargetUrl)
{
    /// <summary>GitHub's limit for <see cref="Description"/>.</summary>
    public const int MaxDescription = 140;

    /// <summary>The description cut to <see cref="MaxDescription"/> characters.</summary>
    public string TrimmedDescription => Description.Length <= MaxDescription ? Description : Description[..(MaxDescription - 1)] + "…";
}
