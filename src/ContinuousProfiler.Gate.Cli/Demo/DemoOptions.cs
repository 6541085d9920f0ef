namespace ContinuousProfiler.Gate.Cli.Demo;

/// <summary>The bound options of <c>profgate demo</c>.</summary>
/// <param name="Repeat">Profiled runs per side.</param>
/// <param name="Rounds">The sample's rounds per run (its work size).</param>
/// <param name="Out">The report folder, or null for <c>.profgate/reports</c> in the clone.</param>
/// <param name="Open">Open the HTML report when done.</param>
internal sealed record DemoOptions(int Repeat, int Rounds, string? Out, bool Open);
