namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>How one run of the command ended and what it cost.</summary>
/// <param name="ExitCode">The command's exit code.</param>
/// <param name="WallMs">Wall time in milliseconds.</param>
/// <param name="CpuMs">CPU time (user + system) of the command and the children it waited for, in milliseconds.</param>
public sealed record RunOutcome(int ExitCode, double WallMs, double CpuMs)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
