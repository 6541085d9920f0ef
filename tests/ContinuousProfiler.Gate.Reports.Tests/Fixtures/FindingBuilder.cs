using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Reports.Tests.Fixtures;

/// <summary>Terse findings for report tests (shares as fractions; intervals relative).</summary>
public static class FindingBuilder
{
    public static Finding Changed(string scenario, string function, double baseShare, double headShare, double low, double high,
        FindingLevel level = FindingLevel.Fail, string rule = "defaults", double threshold = 0.10, Measure measure = Measure.Self, string sampleType = "cpu")
    {
        var change = (headShare - baseShare) / baseShare;
        return new Finding
        {
            Scenario = scenario,
            Function = function,
            Kind = change >= 0 ? FindingKind.Regression : FindingKind.Improvement,
            Level = level,
            SampleType = sampleType,
            Unit = "nanoseconds",
            Measure = measure,
            Base = baseShare,
            Head = headShare,
            Change = change,
            Delta = (headShare - baseShare) * 100,
            Interval = new Interval(low, high),
            PValue = 0.0004,
            Threshold = threshold,
            Rule = rule,
        };
    }

    public static Finding Appeared(string scenario, string function, double headShare, FindingLevel level = FindingLevel.Warn) => new()
    {
        Scenario = scenario,
        Function = function,
        Kind = FindingKind.New,
        Level = level,
        SampleType = "cpu",
        Unit = "nanoseconds",
        Base = 0,
        Head = headShare,
        Change = null,
        Delta = headShare * 100,
        Interval = new Interval(headShare * 100 * 0.8, headShare * 100 * 1.2),
        Threshold = 0.10,
    };

    public static Finding Vanished(string scenario, string function, double baseShare) => new()
    {
        Scenario = scenario,
        Function = function,
        Kind = FindingKind.Gone,
        Level = FindingLevel.Info,
        SampleType = "cpu",
        Unit = "nanoseconds",
        Base = baseShare,
        Head = 0,
        Change = -1,
        Delta = -baseShare * 100,
        Interval = Interval.Empty,
    };

    public static Finding Time(string scenario, double baseMs, double headMs, double low, double high, FindingLevel level = FindingLevel.Fail) => new()
    {
        Scenario = scenario,
        Function = "(scenario wall time)",
        Kind = headMs >= baseMs ? FindingKind.Regression : FindingKind.Improvement,
        Level = level,
        SampleType = "time",
        Unit = "milliseconds",
        Base = baseMs,
        Head = headMs,
        Change = (headMs - baseMs) / baseMs,
        Delta = headMs - baseMs,
        Interval = new Interval(low, high),
        Threshold = 0.10,
        Rule = "time",
    };

    public static Finding Notice(string scenario, string message, FindingLevel level = FindingLevel.Info) => new()
    {
        Scenario = scenario,
        Function = "",
        Kind = FindingKind.Notice,
        Level = level,
        SampleType = "cpu",
        Message = message,
    };
}
