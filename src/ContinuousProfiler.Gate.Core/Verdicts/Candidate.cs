namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// One judged hypothesis (a function in a sample type, or a scenario time): its one-sided p-values,
/// the chances that noise alone beats its warn and its fail threshold (with the floor) in one
/// direction, and the finding it becomes if its observed change beat threshold and floor and the
/// correction lets it through.
/// </summary>
/// <param name="Draft">The finding (level decided by the fail threshold), or null when the change beat neither threshold nor floor.</param>
/// <param name="FailTier">True when the observed change reached the fail threshold (either direction); it is then corrected among fail-sized changes.</param>
/// <param name="PUp">P-value of "no increase".</param>
/// <param name="PDown">P-value of "no decrease".</param>
/// <param name="ScreenWarn">Chance under no change that the estimate beats the warn threshold and floor in one given direction.</param>
/// <param name="ScreenFail">The same for the fail threshold.</param>
internal sealed record Candidate(Finding? Draft, bool FailTier, double PUp, double PDown, double ScreenWarn, double ScreenFail)
{
    /// <summary>True when the draft is an increase (regression or new).</summary>
    public bool Up => Draft?.Kind is FindingKind.Regression or FindingKind.New;

    /// <summary>True when the draft is a decrease (improvement or gone).</summary>
    public bool Down => Draft?.Kind is FindingKind.Improvement or FindingKind.Gone;
}
