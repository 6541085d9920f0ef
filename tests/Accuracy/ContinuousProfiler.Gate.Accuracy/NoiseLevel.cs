namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>
/// Run-to-run noise on top of multinomial sampling, at the two levels measured in ../shared/CAPTURE.md §5.
/// <list type="bullet">
/// <item><b>console-like</b>: a console app's function shares varied at or below the binomial
/// CV (HotFunction 1.3% vs 1.5% at ~4,300 samples), so jitter is small: 1% lognormal per function
/// per run. The sample count for fixed work varied 3,930–4,702 (CV ≈ 8%).</item>
/// <item><b>testhost-like</b>: xunit testhost shares varied far beyond sampling (a 9% function
/// CV 27–30% at 110–480 samples, i.e. ≈ 22% beyond sampling; SqrtHeavy CV 18% with TC=0, 38% tiered),
/// so 25% lognormal per function per run; per-test sample counts varied with CV 21–36% (28% here).
/// Spin-wait frames are assumed filtered out by capture, as CAPTURE.md recommends.</item>
/// </list>
/// </summary>
/// <param name="Name">Label in tables.</param>
/// <param name="Jitter">Lognormal σ of each function's rate per run.</param>
/// <param name="RateJitter">Lognormal σ of the run's sample count for fixed work.</param>
public sealed record NoiseLevel(string Name, double Jitter, double RateJitter)
{
    public static readonly NoiseLevel Console = new("console-like", 0.01, 0.08);

    public static readonly NoiseLevel Testhost = new("testhost-like", 0.25, 0.28);

    public static IReadOnlyList<NoiseLevel> All { get; } = [Console, Testhost];
}
