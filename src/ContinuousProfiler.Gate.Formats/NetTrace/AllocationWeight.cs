using System.Globalization;
using Microsoft.Diagnostics.Tracing;

namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>
/// What one allocation event stands for. .NET 10's <c>AllocationSampled</c> events are Poisson samples
/// with a mean gap of 100 KB, so one sampled object of size s stands for s / (1 - e^(-s/100KB)) bytes
/// and 1 / (1 - e^(-s/100KB)) objects (the unbiased estimate). Older runtimes' <c>GC/AllocationTick</c>
/// carries the bytes since the previous tick directly.
/// </summary>
internal static class AllocationWeight
{
    private const double SamplingMeanBytes = 100 * 1024;

    public static bool IsAllocationEvent(string eventName) =>
        eventName.StartsWith("GC/AllocationTick", StringComparison.Ordinal)
        || eventName.Contains("AllocationSampl", StringComparison.Ordinal);

    public static (double Objects, double Bytes) Of(TraceEvent ev)
    {
        var size = Number(ev, "ObjectSize");
        if (ev.EventName.StartsWith("GC/AllocationTick", StringComparison.Ordinal))
        {
            var bytes = Number(ev, "AllocationAmount64");
            if (bytes <= 0)
            {
                bytes = Number(ev, "AllocationAmount");
            }

            return (size > 0 ? bytes / size : 1, bytes);
        }

        if (size <= 0)
        {
            return (0, 0);
        }

        var keep = 1 - Math.Exp(-size / SamplingMeanBytes);
        return (1 / keep, size / keep);
    }

    private static double Number(TraceEvent ev, string field)
    {
        var index = ev.PayloadIndex(field);
        return index < 0 ? 0 : Convert.ToDouble(ev.PayloadValue(index), CultureInfo.InvariantCulture);
    }
}
