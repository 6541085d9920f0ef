using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>
/// Recognises managed samples that are really idle: thread-pool workers spinning or parked,
/// <c>Thread.Yield</c>/<c>Sleep</c>, and waits on events and semaphores. Only the leaf end of the
/// stack counts (runtime and unresolved frames up to the first other frame), so user code that merely
/// has a wait somewhere above it is never dropped.
/// </summary>
internal static class IdleFramePolicy
{
    private static readonly string[] IdlePrefixes =
    [
        "System.Threading.LowLevelSpinWaiter.",
        "System.Threading.LowLevelLifoSemaphore.",
        "System.Threading.LowLevelMonitor.",
        "System.Threading.Thread.Yield",
        "System.Threading.Thread.Sleep",
        "System.Threading.Thread.SpinWait",
        "System.Threading.SpinWait.SpinOnce",
        "System.Threading.WaitHandle.WaitOne",
        "System.Threading.WaitHandle.WaitMultiple",
        "System.Threading.WaitHandle.WaitAny",
        "System.Threading.Monitor.Wait",
        "System.Threading.ManualResetEventSlim.Wait",
        "System.Threading.SemaphoreSlim.Wait",
        "System.Threading.Tasks.Task.SpinThenBlockingWait",
        "System.Threading.Tasks.Task.InternalWaitCore",
        "System.Threading.PortableThreadPool+GateThread.GateThreadStart",
    ];

    public static bool IsIdle(List<Frame> rootToLeaf)
    {
        for (var i = rootToLeaf.Count - 1; i >= 0; i--)
        {
            var frame = rootToLeaf[i];
            if (frame.Name == Frame.UnresolvedName)
            {
                continue;
            }

            foreach (var prefix in IdlePrefixes)
            {
                if (frame.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (frame.Module is not (null or "system.private.corelib"))
            {
                return false;
            }
        }

        return false;
    }
}
