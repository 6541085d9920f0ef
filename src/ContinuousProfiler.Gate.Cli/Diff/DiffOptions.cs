namespace ContinuousProfiler.Gate.Cli.Diff;

/// <summary>What <c>profgate diff</c> was asked to do.</summary>
/// <param name="Base">The base: a profile file of any format, or a ProfileSet folder.</param>
/// <param name="Head">The head, likewise.</param>
/// <param name="Config">The config file, or null for <c>.profgate.yml</c> in the current folder (defaults when absent).</param>
/// <param name="SampleType">The one sample type to compare, or null for every common one.</param>
/// <param name="Format">An output format name from <see cref="DiffFormats"/>.</param>
/// <param name="Out">The file to write, or null for standard output.</param>
/// <param name="MaxInputBytes">The cap on a decompressed input profile.</param>
/// <param name="Templates">A folder of report templates that replace the embedded ones, or null.</param>
internal sealed record DiffOptions(string Base, string Head, string? Config, string? SampleType, string Format, string? Out, long MaxInputBytes, string? Templates = null);
