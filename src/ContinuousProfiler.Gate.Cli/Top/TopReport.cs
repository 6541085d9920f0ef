using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli.Top;

/// <summary>The functions of one sample type ranked by self or total: what <c>profgate top</c> shows.</summary>
internal sealed record TopReport(
    string Source,
    SampleType SampleType,
    double Total,
    int FunctionCount,
    bool ByTotal,
    IReadOnlyList<FunctionStat> Functions)
{
    /// <summary>Reads the profile and ranks its functions.</summary>
    public static TopReport Build(TopOptions options)
    {
        var profile = ProfileReader.Read(options.Profile, options.MaxInputBytes);
        return Build(profile, options.Profile, options);
    }

    public static TopReport Build(Profile profile, string source, TopOptions options)
    {
        var sampleType = profile.ResolveSampleType(options.SampleType);
        var summary = FunctionSummary.Compute(profile, sampleType);
        return new TopReport(
            source,
            summary.SampleType,
            summary.Total,
            summary.Functions.Count,
            options.ByTotal,
            summary.Top(options.Count, options.ByTotal));
    }
}
