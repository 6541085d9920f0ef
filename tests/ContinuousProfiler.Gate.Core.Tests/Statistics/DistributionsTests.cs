using ContinuousProfiler.Gate.Core.Statistics;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Statistics;

/// <summary>Reference values computed with mpmath at 30 digits.</summary>
public sealed class DistributionsTests
{
    [Theory]
    [InlineData(3.0, 5.0, 0.0300992478974625756)]
    [InlineData(2.5, 3.7, 0.0718220229118267760)]
    [InlineData(10.0, 30.0, 4.57525140822961704e-11)]
    [InlineData(1.0, 1.0, 0.5)]
    public void StudentTwoSidedMatchesReference(double t, double df, double expected) =>
        AssertRelative(expected, Distributions.StudentTwoSided(t, df), 1e-10);

    [Theory]
    [InlineData(0.005, 3.0, 5.84090930973335726)]
    [InlineData(0.025, 12.5, 2.16918594271254111)]
    public void StudentQuantileMatchesReference(double upper, double df, double expected) =>
        AssertRelative(expected, Distributions.StudentQuantileUpper(upper, df), 1e-9);

    [Fact]
    public void NormalTailsKeepPrecision()
    {
        AssertRelative(9.86587645037698141e-10, Distributions.NormalUpperTail(6), 1e-12);
        AssertRelative(0.0668072012688580660, Distributions.NormalCdf(-1.5), 1e-13);
        AssertRelative(0.975002104851780, Distributions.NormalCdf(1.96), 1e-13);
        AssertRelative(9.86587645037698141e-10, Distributions.StudentTwoSided(6, double.PositiveInfinity) / 2, 1e-12);
    }

    [Theory]
    [InlineData(1e-10, -6.36134090240405620)]
    [InlineData(0.3, -0.524400512708040784)]
    [InlineData(0.975, 1.95996398454005423)]
    public void NormalQuantileMatchesReference(double p, double expected) =>
        AssertRelative(expected, Distributions.NormalQuantile(p), 1e-13);

    [Fact]
    public void SpecialFunctionsMatchReference()
    {
        AssertRelative(0.579825, SpecialFunctions.IncompleteBeta(2, 5, 0.3), 1e-12);
        AssertRelative(0.628613976746015329, SpecialFunctions.IncompleteBeta(0.5, 40, 0.01), 1e-12);
        AssertRelative(6.33424836662398425e-5, SpecialFunctions.UpperIncompleteGamma(0.5, 8), 1e-12);
        AssertRelative(0.543813115883329518, SpecialFunctions.UpperIncompleteGamma(3, 2.5), 1e-12);
        AssertRelative(1.09579799481807552, SpecialFunctions.LogGamma(0.3), 1e-13);
        AssertRelative(146.519255490720627, SpecialFunctions.LogGamma(50.5), 1e-14);
        AssertRelative(-1.22002355369793461, SpecialFunctions.Digamma(0.7), 1e-12);
        AssertRelative(0.490357756100234865, SpecialFunctions.Trigamma(2.5), 1e-12);
        AssertRelative(26.2673772054237791, SpecialFunctions.Trigamma(0.2), 1e-12);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.49)]
    [InlineData(3.0)]
    [InlineData(400.0)]
    public void InverseTrigammaInverts(double y) =>
        AssertRelative(y, SpecialFunctions.Trigamma(SpecialFunctions.InverseTrigamma(y)), 1e-8);

    [Fact]
    public void ChiSquareMedianIsCloseToReference()
    {
        // χ²₁ median 0.45494, χ²₄ median / 4 = 3.35669 / 4.
        AssertRelative(0.454936423, Distributions.ScaledChiSquareMedian(1), 0.05);
        AssertRelative(3.356694 / 4, Distributions.ScaledChiSquareMedian(4), 0.005);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
