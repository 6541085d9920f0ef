namespace ContinuousProfiler.Gate.Cli.Top;

/// <summary>What <c>profgate top</c> was asked for.</summary>
/// <param name="Profile">The profile file.</param>
/// <param name="Count">How many functions to show; 0 or less shows all.</param>
/// <param name="ByTotal">Sort by total (inclusive) instead of self.</param>
/// <param name="SampleType">The sample type to rank by, or null for the profile's default.</param>
/// <param name="Json">Write JSON instead of the text table.</param>
/// <param name="MaxInputBytes">The cap on the (decompressed) input size.</param>
internal sealed record TopOptions(string Profile, int Count, bool ByTotal, string? SampleType, bool Json, long MaxInputBytes);
