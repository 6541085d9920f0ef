namespace ContinuousProfiler.Gate.Core;

/// <summary>The exit codes every profgate command uses.</summary>
public static class ExitCodes
{
    /// <summary>Everything passed (or there was nothing to compare).</summary>
    public const int Pass = 0;

    /// <summary>At least one fail-level regression was found.</summary>
    public const int Regression = 1;

    /// <summary>Usage or input error, including a profiled command that failed.</summary>
    public const int InputError = 2;
}
