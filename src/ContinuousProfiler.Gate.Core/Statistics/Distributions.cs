namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// The normal and Student t distributions, from <see cref="SpecialFunctions"/>. Tail functions are
/// computed directly (not as 1 − CDF), so tiny p-values keep their precision.
/// </summary>
public static class Distributions
{
    private static readonly double[] CentralNumerator = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] CentralDenominator = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];
    private static readonly double[] TailNumerator = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] TailDenominator = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];

    /// <summary>Φ(x), the standard normal CDF.</summary>
    public static double NormalCdf(double x) => x < 0 ? NormalUpperTail(-x) : 1 - NormalUpperTail(x);

    /// <summary>P(Z &gt; x) for a standard normal Z.</summary>
    public static double NormalUpperTail(double x) =>
        x < 0 ? 1 - NormalUpperTail(-x) : 0.5 * SpecialFunctions.UpperIncompleteGamma(0.5, x * x / 2);

    /// <summary>Φ⁻¹(p): Acklam's rational approximation refined by one Halley step (full double precision).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        double x;
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = Horner(TailNumerator, q) / Horner(TailDenominator, q);
        }
        else if (p > 1 - 0.02425)
        {
            return -NormalQuantile(1 - p);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = Horner(CentralNumerator, r) * q / Horner(CentralDenominator, r);
        }

        var e = NormalCdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>P(|T| &gt; |t|) for Student's t with <paramref name="df"/> degrees of freedom (normal when df is infinite).</summary>
    public static double StudentTwoSided(double t, double df)
    {
        if (double.IsNaN(t))
        {
            return 1;
        }

        if (double.IsPositiveInfinity(df) || df > 1e7)
        {
            return 2 * NormalUpperTail(Math.Abs(t));
        }

        return SpecialFunctions.IncompleteBeta(df / 2, 0.5, df / (df + (t * t)));
    }

    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentUpperTail(double t, double df)
    {
        var half = StudentTwoSided(t, df) / 2;
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>The t with P(T &gt; t) = <paramref name="upperTail"/> (bisection on the tail, then polished).</summary>
    public static double StudentQuantileUpper(double upperTail, double df)
    {
        if (double.IsPositiveInfinity(df) || df > 1e7)
        {
            return -NormalQuantile(upperTail);
        }

        if (upperTail > 0.5)
        {
            return -StudentQuantileUpper(1 - upperTail, df);
        }

        double low = 0, high = 1;
        while (StudentUpperTail(high, df) > upperTail)
        {
            low = high;
            high *= 2;
            if (high > 1e12)
            {
                return high;
            }
        }

        for (var i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            var mid = (low + high) / 2;
            if (StudentUpperTail(mid, df) > upperTail)
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

    /// <summary>The median of χ²_d / d (Wilson–Hilferty; within 0.5% for d ≥ 1).</summary>
    public static double ScaledChiSquareMedian(double d) => Math.Pow(1 - (2 / (9 * d)), 3);

    private static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        foreach (var c in coefficients)
        {
            result = (result * x) + c;
        }

        return result;
    }
}
