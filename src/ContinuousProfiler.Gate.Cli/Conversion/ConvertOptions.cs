namespace ContinuousProfiler.Gate.Cli.Conversion;

/// <summary>What <c>profgate convert</c> was asked for.</summary>
/// <param name="Input">The profile to read (any supported format, detected by content).</param>
/// <param name="Output">The file to write.</param>
/// <param name="To">The output format name, or null to choose by the output's extension (else pprof).</param>
/// <param name="MaxInputBytes">The cap on the (decompressed) input size.</param>
internal sealed record ConvertOptions(string Input, string Output, string? To, long MaxInputBytes);
