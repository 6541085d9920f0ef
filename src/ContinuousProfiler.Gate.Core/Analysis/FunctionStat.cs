namespace ContinuousProfiler.Gate.Core.Analysis;

/// <summary>
/// One function's weight in one sample type: <see cref="Self"/> is the weight of stacks whose leaf
/// is the function, <see cref="Total"/> the weight of stacks that contain it anywhere (counted once
/// per stack even when it recurses, as pprof does).
/// </summary>
/// <param name="Name">The function name (the frame name, without module).</param>
/// <param name="Self">Weight where the function is the leaf.</param>
/// <param name="Total">Weight where the function is on the stack.</param>
public sealed record FunctionStat(string Name, double Self, double Total);
