using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Formats.Chrome;

/// <summary>One node of a V8 CPU profile's call tree.</summary>
/// <param name="Id">The node id that samples refer to.</param>
/// <param name="FunctionName">The function name; empty for anonymous functions.</param>
/// <param name="Url">The script URL, or empty.</param>
/// <param name="LineNumber">0-based line, or -1 when unknown.</param>
/// <param name="ParentId">The parent node's id, or null for the root.</param>
/// <param name="HitCount">Samples whose leaf is this node.</param>
internal sealed record ChromeNode(long Id, string FunctionName, string Url, long LineNumber, long? ParentId, long HitCount);

/// <summary>
/// A V8 CPU profile in one layout: the flat <c>nodes</c> list, the sampled leaf node ids in time order, and
/// each sample's time in microseconds (empty when the file has no timing).
/// </summary>
internal sealed record ChromeCpuProfile(
    ImmutableArray<ChromeNode> Nodes,
    ImmutableArray<long> Samples,
    ImmutableArray<double> SampleTimes,
    double StartTime,
    double EndTime);
