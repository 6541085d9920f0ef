namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>Choices for reading a .nettrace.</summary>
/// <param name="DropIdleSamples">
/// Drop CPU samples whose leaf is a spin-wait or wait in the runtime (thread-pool spinning,
/// <c>Thread.Yield</c>, semaphores): CPU the code under test did not ask for.
/// </param>
public sealed record NetTraceImportOptions(bool DropIdleSamples = true)
{
    /// <summary>Idle samples dropped.</summary>
    public static readonly NetTraceImportOptions Default = new();
}
