using System.Runtime.InteropServices;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>
/// CPU time of terminated, waited-for children (<c>getrusage(RUSAGE_CHILDREN)</c>): it covers the whole
/// process tree of a command, grandchildren included, which <c>Process.TotalProcessorTime</c> cannot
/// after the process has exited. Reads 0 where the call is unavailable.
/// </summary>
internal static class ChildCpuTime
{
    private const int RusageChildren = -1;

    /// <summary>User plus system time of all reaped children so far, in milliseconds.</summary>
    public static double TotalMs()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return 0;
        }

        try
        {
            return GetRusage(RusageChildren, out var usage) == 0
                ? Milliseconds(usage.UserTime) + Milliseconds(usage.SystemTime)
                : 0;
        }
        catch (DllNotFoundException)
        {
            return 0;
        }
        catch (EntryPointNotFoundException)
        {
            return 0;
        }
    }

    private static double Milliseconds(TimeVal t) => (t.Seconds * 1000.0) + (t.Microseconds / 1000.0);

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal UserTime;
        public TimeVal SystemTime;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVCsw, NIvCsw;
    }
}
