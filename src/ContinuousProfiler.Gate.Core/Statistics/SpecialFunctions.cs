namespace ContinuousProfiler.Gate.Core.Statistics;

/// <summary>
/// The few special functions the gate's tests need, hand-rolled so Core stays package-free:
/// log-gamma (Lanczos), the regularized incomplete beta and gamma functions (continued fractions),
/// and digamma/trigamma (recurrence plus asymptotic series). Accurate to about 1e-13 relative.
/// </summary>
public static class SpecialFunctions
{
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        return 0.5 * Math.Log(2 * Math.PI) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized incomplete beta function I_x(a, b).</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(a, b, x) / a
            : 1 - (front * BetaFraction(b, a, 1 - x) / b);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).</summary>
    public static double UpperIncompleteGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        if (x < a + 1)
        {
            return 1 - LowerSeries(a, x);
        }

        // Lentz's continued fraction for Γ(a, x).
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }

    /// <summary>ψ(x), the derivative of ln Γ, for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        var result = 0.0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }

        var f = 1 / (x * x);
        return result + Math.Log(x) - (0.5 / x)
            - (f * ((1.0 / 12) - (f * ((1.0 / 120) - (f * ((1.0 / 252) - (f * ((1.0 / 240) - (f / 132)))))))));
    }

    /// <summary>ψ'(x), the second derivative of ln Γ, for x &gt; 0.</summary>
    public static double Trigamma(double x)
    {
        var result = 0.0;
        while (x < 10)
        {
            result += 1 / (x * x);
            x += 1;
        }

        var f = 1 / (x * x);
        return result + (1 / x) + (f / 2)
            + (f / x * ((1.0 / 6) - (f * ((1.0 / 30) - (f * ((1.0 / 42) - (f / 30)))))));
    }

    /// <summary>The x &gt; 0 with ψ'(x) = y, by Newton's method (as limma's trigammaInverse).</summary>
    public static double InverseTrigamma(double y)
    {
        if (y > 1e7)
        {
            return 1 / Math.Sqrt(y);
        }

        if (y < 1e-6)
        {
            return 1 / y;
        }

        var x = 0.5 + (1 / y);
        for (var i = 0; i < 50; i++)
        {
            var tri = Trigamma(x);
            var step = -tri * (1 - (tri / y)) / TetragammaNegated(x);
            x += step;
            if (-step / x < 1e-10)
            {
                break;
            }
        }

        return x;
    }

    private static double TetragammaNegated(double x)
    {
        // -ψ''(x) by the same recurrence-plus-series scheme.
        var result = 0.0;
        while (x < 10)
        {
            result += 2 / (x * x * x);
            x += 1;
        }

        var f = 1 / (x * x);
        return result + f + (f / x) + (f * f * ((1.0 / 2) - (f * ((1.0 / 6) - (f * ((1.0 / 6) - (f * 3.0 / 10)))))));
    }

    private static double LowerSeries(double a, double x)
    {
        var sum = 1 / a;
        var term = sum;
        for (var n = 1; n < 10_000; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double BetaFraction(double a, double b, double x)
    {
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < 10_000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }
}
