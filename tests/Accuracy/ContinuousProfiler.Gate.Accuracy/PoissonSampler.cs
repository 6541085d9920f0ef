namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>
/// Exact Poisson variates: multiplication for small means, Hörmann's PTRS (transformed rejection
/// with squeeze) for means of 10 and more. Independent Poisson counts conditioned on their sum
/// are multinomial, so a run drawn this way is multinomial sampling with a varying total.
/// </summary>
public static class PoissonSampler
{
    public static long Next(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 10)
        {
            var limit = Math.Exp(-mean);
            long k = 0;
            var product = random.NextDouble();
            while (product > limit)
            {
                k++;
                product *= random.NextDouble();
            }

            return k;
        }

        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * Math.Sqrt(mean));
        var a = -0.059 + (0.02483 * b);
        var invAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v * invAlpha / ((a / (us * us)) + b)) <= -mean + (k * logMean) - LogFactorial(k))
            {
                return (long)k;
            }
        }
    }

    private static double LogFactorial(double k) => Core.Statistics.SpecialFunctions.LogGamma(k + 1);
}
