namespace Sample.Lib;

/// <summary>
/// The injected changes the capture tests look for. <c>PROFGATE_SAMPLE_REGRESS=1</c> makes
/// <see cref="Checksum.Compute"/> 3× slower and adds an extra buffer per record in
/// <see cref="Formatter.Render"/>; <c>PROFGATE_SAMPLE_ALLOC_PCT=N</c> only grows Render's per-record scratch
/// buffer by N% (rounded up to the runtime's 8-byte object alignment: 10 gives 248 bytes instead of 224, 12
/// gives 256; the buffer is most, not all, of the bytes charged to Render), and <c>PROFGATE_SAMPLE_CPU_PCT=N</c> only N% more work in
/// <see cref="Checksum.Compute"/> (the accuracy harness's graded cases).
/// </summary>
public static class Regression
{
    /// <summary>How many times the checksum loop runs per call (1 normally, 3 when regressed).</summary>
    public static readonly int ChecksumRounds = Environment.GetEnvironmentVariable("PROFGATE_SAMPLE_REGRESS") == "1" ? 3 : 1;

    /// <summary>Extra work in the checksum's inner loop, in percent.</summary>
    public static readonly int ExtraChecksumPercent =
        int.TryParse(Environment.GetEnvironmentVariable("PROFGATE_SAMPLE_CPU_PCT"), out var cpu) && cpu > 0 ? cpu : 0;

    /// <summary>Extra bytes allocated by <see cref="Formatter.Render"/>, in percent of what it normally allocates.</summary>
    public static readonly int ExtraAllocationPercent =
        Environment.GetEnvironmentVariable("PROFGATE_SAMPLE_REGRESS") == "1" ? 100
        : int.TryParse(Environment.GetEnvironmentVariable("PROFGATE_SAMPLE_ALLOC_PCT"), out var pct) && pct > 0 ? pct
        : 0;
}
