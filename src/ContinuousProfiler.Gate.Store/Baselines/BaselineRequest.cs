using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store.Baselines;

/// <summary>What to find a baseline for.</summary>
/// <param name="HeadRevision">The head revision (default <c>HEAD</c>).</param>
/// <param name="BaseBranch">The base branch name (e.g. <c>main</c>), a remote-tracking name, a ref or a SHA.</param>
/// <param name="Group">The scenario group whose sets count.</param>
/// <param name="MaxCommitsBack">How many first-parent ancestors of the merge-base to try after it.</param>
/// <param name="HeadEnvironment">Head's environment fingerprint, to report whether the baseline's matches; null when unknown.</param>
/// <param name="AllowFetch">May fetch from the remote when the clone is shallow or lacks the base branch.</param>
public sealed record BaselineRequest(
    string HeadRevision,
    string BaseBranch,
    string Group,
    int MaxCommitsBack,
    EnvironmentFingerprint? HeadEnvironment = null,
    bool AllowFetch = true);
