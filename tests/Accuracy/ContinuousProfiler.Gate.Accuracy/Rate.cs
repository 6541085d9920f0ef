using System.Globalization;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>A count of hits out of trials, with exact (Clopper–Pearson) one-sided 95% bounds.</summary>
public sealed record Rate(int Hits, int Trials)
{
    public double Value => Trials == 0 ? 0 : (double)Hits / Trials;

    /// <summary>The p with P(X ≤ hits | trials, p) = 5%.</summary>
    public double Upper => Hits >= Trials ? 1 : Solve(p => SpecialFunctions.IncompleteBeta(Trials - Hits, Hits + 1, 1 - p), 0.05);

    /// <summary>The p with P(X ≥ hits | trials, p) = 5%.</summary>
    public double Lower => Hits == 0 ? 0 : Solve(p => 1 - SpecialFunctions.IncompleteBeta(Hits, Trials - Hits + 1, p), 0.95);

    public string Percent => Format(Value);

    public string WithUpper => $"{Format(Value)} (≤ {Format(Upper)})";

    public string WithLower => $"{Format(Value)} (≥ {Format(Lower)})";

    public static string Format(double fraction) => (fraction * 100).ToString(fraction < 0.1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%";

    private static double Solve(Func<double, double> decreasing, double target)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            if (decreasing(mid) > target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
