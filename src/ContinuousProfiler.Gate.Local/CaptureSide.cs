using ContinuousProfiler.Gate.Capture;

namespace ContinuousProfiler.Gate.Local;

/// <summary>One side of an interleaved capture.</summary>
/// <param name="Label">The side's name in progress lines, errors and folder names: <c>base</c> or <c>head</c>.</param>
/// <param name="Options">How to capture one run of it (its repeat and output folder are set per run).</param>
public sealed record CaptureSide(string Label, CaptureOptions Options);
