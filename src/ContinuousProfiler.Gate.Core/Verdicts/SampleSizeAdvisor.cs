using System.Globalization;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// Says when a scenario has too few samples (or runs) for its thresholds. The smallest function that
/// can fail holds floor ÷ fail of the profile (0.25 points at +10% → 2.5%); detecting a fail-sized
/// change there with 80% power at the configured confidence needs a per-run variance of its log
/// share under ln(1 + fail)² / ((z₁₋α/₂ + z₀.₈)² (1/n_base + 1/n_head)). Sampling noise gives
/// dispersion · (1 − p) / (p · samples) of that, jitter gives jitter²; whatever sampling may use sets
/// the samples per run needed, and when jitter alone uses it up, only more runs help.
/// </summary>
internal static class SampleSizeAdvisor
{
    private const double PowerQuantile = 0.8416212335729143;

    public static Finding? Advise(string scenario, SampleTypeComparison comparison, ResolvedRule defaults, double confidence)
    {
        var fail = defaults.Fail;
        var floor = defaults.Floor / 100;
        if (fail <= 0)
        {
            return null;
        }

        var share = Math.Clamp(floor / fail, 0.001, 0.5);
        var effect = Math.Log(1 + fail);
        var z = Distributions.NormalQuantile(1 - ((1 - confidence) / 2)) + PowerQuantile;
        var nb = comparison.BaseRuns;
        var nh = comparison.HeadRuns;
        var budget = effect * effect / (z * z * ((1.0 / nb) + (1.0 / nh)));
        var jitter2 = comparison.Noise.Jitter * comparison.Noise.Jitter;
        var has = Median(comparison.BaseSamples.Concat(comparison.HeadSamples));
        var what = $"detecting a {Percent(fail)} change in a function holding {Percent(share)} of {comparison.SampleType.Type} (the smallest that can pass the {Number(floor * 100, "0.##")}-point floor)";
        string? message = null;
        if (jitter2 >= budget * 0.95)
        {
            var runs = (int)Math.Ceiling(2 * z * z * jitter2 * 1.1 / (effect * effect));
            message = $"run-to-run jitter of {Percent(comparison.Noise.Jitter)} is too high for {what} with {nb} base and {nh} head runs; it needs about {Number(runs, "N0")} runs per side";
        }
        else
        {
            var needed = comparison.Noise.Dispersion * (1 - share) / (share * (budget - jitter2));
            if (has < needed)
            {
                message = $"has about {Number(has, "N0")} samples per run; {what} needs about {Number(RoundUp(needed), "N0")} per run with {nb} base and {nh} head runs (or more runs)";
            }
        }

        return message is null ? null : new Finding
        {
            Scenario = scenario,
            Function = "",
            Kind = FindingKind.Notice,
            Level = FindingLevel.Info,
            SampleType = comparison.SampleType.Type,
            Unit = comparison.SampleType.Unit,
            Rule = "samples",
            Message = message,
        };
    }

    private static double RoundUp(double value)
    {
        var magnitude = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(value)) - 1));
        return Math.Ceiling(value / magnitude) * magnitude;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Percent(double fraction) => Number(fraction * 100, "0.##") + "%";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
