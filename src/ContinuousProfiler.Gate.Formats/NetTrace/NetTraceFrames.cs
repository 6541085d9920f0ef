using ContinuousProfiler.Gate.Core.Model;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>
/// Turns TraceEvent call stacks into model frames: module names lower-cased (they flip case
/// depending on whether the runtime's rundown made it into the trace), unresolved addresses
/// collapsed into one <c>[unresolved]</c> frame per run of them, never dropped.
/// </summary>
internal static class NetTraceFrames
{
    private static readonly Frame Unresolved = new(Frame.UnresolvedName);

    /// <summary>The frames of a stack, root first. An absent stack is one unresolved frame.</summary>
    public static List<Frame> RootToLeaf(TraceCallStack? leaf)
    {
        var frames = new List<Frame>();
        for (var frame = leaf; frame is not null; frame = frame.Caller)
        {
            var next = ToFrame(frame.CodeAddress);
            if (ReferenceEquals(next, Unresolved) && frames.Count > 0 && ReferenceEquals(frames[^1], Unresolved))
            {
                continue;
            }

            frames.Add(next);
        }

        if (frames.Count == 0)
        {
            frames.Add(Unresolved);
        }

        frames.Reverse();
        return frames;
    }

    /// <summary>
    /// Removes unresolved frames at the leaf end (the runtime's allocation helpers), so an
    /// allocation is charged to the managed method that asked for it.
    /// </summary>
    public static void TrimUnresolvedLeaves(List<Frame> rootToLeaf)
    {
        while (rootToLeaf.Count > 1 && ReferenceEquals(rootToLeaf[^1], Unresolved))
        {
            rootToLeaf.RemoveAt(rootToLeaf.Count - 1);
        }
    }

    private static Frame ToFrame(TraceCodeAddress? address)
    {
        var name = address?.FullMethodName;
        if (string.IsNullOrWhiteSpace(name) || name == "?" || name.StartsWith("0x", StringComparison.Ordinal))
        {
            return Unresolved;
        }

        // TraceEvent names a module "ManagedModule" when the trace never said which file it was (the
        // runtime's own modules load before the session starts and a killed process has no rundown).
        var module = address!.ModuleName;
        return new Frame(name, string.IsNullOrEmpty(module) || module == "?" || module.Equals("ManagedModule", StringComparison.OrdinalIgnoreCase) ? null : module.ToLowerInvariant());
    }
}
