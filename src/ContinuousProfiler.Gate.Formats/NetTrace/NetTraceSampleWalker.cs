using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>
/// Walks a converted trace: managed CPU samples and allocation events become weighted stacks.
/// External (preemptive-mode) samples are skipped because they cannot tell CPU from blocking.
/// </summary>
internal sealed class NetTraceSampleWalker(NetTraceImportOptions options, string source)
{
    private const string SampleProvider = "Microsoft-DotNETCore-SampleProfiler";
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const int ManagedSample = 2;

    // Not samples/count: that name means "how many samples stand behind the other columns" to pprof
    // readers and the comparison engine, which would be wrong next to the allocation columns. The
    // sampler's nominal 1 ms interval stretches to 1–2 ms under load, so no time unit is claimed.
    private static readonly SampleType CpuSamples = new("cpu", "samples");

    private readonly List<(int[] Stack, double Samples, double Objects, double Bytes)> _rows = [];
    private readonly List<Frame> _frames = [];
    private readonly Dictionary<Frame, int> _frameIndex = [];
    private long _idleDropped;
    private long _externalSkipped;
    private long _allocationEvents;
    private long _cpuSamples;
    private long _unresolvedLeaves;

    public Profile Walk(TraceLog log)
    {
        foreach (var ev in log.Events)
        {
            if (ev.ProviderName == SampleProvider)
            {
                if (ev.EventName == "Thread/Sample")
                {
                    AddCpuSample(ev);
                }
            }
            else if (ev.ProviderName == RuntimeProvider && AllocationWeight.IsAllocationEvent(ev.EventName))
            {
                AddAllocation(ev);
            }
        }

        return Build(log);
    }

    private void AddCpuSample(TraceEvent ev)
    {
        if (System.Convert.ToInt32(ev.PayloadByName("Type"), CultureInfo.InvariantCulture) != ManagedSample)
        {
            _externalSkipped++;
            return;
        }

        var frames = NetTraceFrames.RootToLeaf(ev.CallStack());
        if (options.DropIdleSamples && IdleFramePolicy.IsIdle(frames))
        {
            _idleDropped++;
            return;
        }

        _cpuSamples++;
        if (frames[^1].Name == Frame.UnresolvedName)
        {
            _unresolvedLeaves++;
        }

        _rows.Add((Intern(frames), 1, 0, 0));
    }

    private void AddAllocation(TraceEvent ev)
    {
        var weight = AllocationWeight.Of(ev);
        if (weight.Bytes <= 0)
        {
            return;
        }

        _allocationEvents++;
        var frames = NetTraceFrames.RootToLeaf(ev.CallStack());
        NetTraceFrames.TrimUnresolvedLeaves(frames);
        _rows.Add((Intern(frames), 0, weight.Objects, weight.Bytes));
    }

    private int[] Intern(List<Frame> frames)
    {
        var ids = new int[frames.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_frameIndex.TryGetValue(frames[i], out ids[i]))
            {
                ids[i] = _frames.Count;
                _frameIndex.Add(frames[i], ids[i]);
                _frames.Add(frames[i]);
            }
        }

        return ids;
    }

    private Profile Build(TraceLog log)
    {
        var withAllocations = _allocationEvents > 0;
        // alloc_samples counts the sampled events behind the upscaled estimates, which is what their
        // statistical precision rests on (the comparison engine reads it as the columns' sample size).
        SampleType[] types = withAllocations ? [CpuSamples, new("alloc_objects", "count"), new("alloc_space", "bytes"), new("alloc_samples", "count")] : [CpuSamples];
        var builder = new ProfileBuilder(types) { Metadata = Metadata(log) };
        foreach (var frame in _frames)
        {
            builder.InternFrame(frame);
        }

        var values = new double[types.Length];
        foreach (var (stack, samples, objects, bytes) in _rows)
        {
            values[0] = samples;
            if (withAllocations)
            {
                values[1] = objects;
                values[2] = bytes;
                values[3] = bytes > 0 ? 1 : 0;
            }

            builder.AddSample(stack, values);
        }

        return builder.Build();
    }

    private ProfileMetadata Metadata(TraceLog log)
    {
        var comments = ImmutableArray.CreateBuilder<string>();
        foreach (var process in log.Processes)
        {
            if (process.ProcessID > 0)
            {
                var line = string.IsNullOrWhiteSpace(process.CommandLine) ? process.Name : process.CommandLine.Trim();
                comments.Add($"process {process.ProcessID.ToString(CultureInfo.InvariantCulture)}: {line}");
            }
        }

        comments.Add($"managed CPU samples kept: {_cpuSamples.ToString(CultureInfo.InvariantCulture)}; external (preemptive) samples skipped: {_externalSkipped.ToString(CultureInfo.InvariantCulture)}; idle or spin-wait samples dropped: {_idleDropped.ToString(CultureInfo.InvariantCulture)}");
        if (_allocationEvents > 0)
        {
            comments.Add($"allocation events: {_allocationEvents.ToString(CultureInfo.InvariantCulture)}");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (log.EventsLost > 0)
        {
            warnings.Add($"{source}: the trace lost {log.EventsLost.ToString(CultureInfo.InvariantCulture)} events; sample counts are lower than the true CPU use");
        }

        if (_cpuSamples > 0 && _unresolvedLeaves * 10 >= _cpuSamples)
        {
            warnings.Add($"{source}: {(100.0 * _unresolvedLeaves / _cpuSamples).ToString("F0", CultureInfo.InvariantCulture)}% of CPU samples end in an unresolved frame; the trace probably lacks the method rundown (process killed or trace cut short): let the process exit normally, or set DOTNET_ReadyToRun=0");
        }

        var start = log.SessionStartTime.ToUniversalTime();
        return new ProfileMetadata
        {
            Producer = "nettrace",
            Source = source,
            DurationNanos = (long)(log.SessionDuration.TotalMilliseconds * 1_000_000),
            TimeNanos = start.Year > 1970 ? (start - DateTime.UnixEpoch).Ticks * 100 : 0,
            PeriodType = CpuSamples,
            Period = 1,
            Comments = comments.ToImmutable(),
            Warnings = warnings.ToImmutable(),
        };
    }
}
