using ContinuousProfiler.Gate.Core.Comparison;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>
/// Head values in a comparison read in base units (head ÷ <see cref="SampleTypeComparison.HeadFactor"/>), which is
/// right for the change but makes a grown function's head share exceed 100% ("43% → 153%"), which a PR reader takes
/// for a bug. Reports therefore show each side's plain share of its own run (both ≤ 100%) and keep the change, which
/// compares the function with the code that did not change; <see cref="Note"/> says so under the tables.
/// </summary>
public static class HeadShare
{
    /// <summary>The sentence every report puts under its share tables.</summary>
    public const string Note = "Shares are of each run's own total. The change compares the function with the code that did not change, so a function that grew while the rest stayed put changes by more than its share.";

    /// <summary>A head value in base units as the plain share of the head run.</summary>
    public static double Plain(double headInBaseUnits, double headFactor) => headInBaseUnits * headFactor;

    /// <summary>The head factor of a finding's sample type, or 1 when the comparison has none (time findings).</summary>
    public static double FactorOf(ComparisonResult comparison, string scenario, string sampleType) =>
        FlamePathBuilder.Find(comparison, scenario, sampleType)?.HeadFactor ?? 1;
}
