using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>Scenario wall and CPU time from unprofiled runs, judged like functions (threshold, floor in ms, test).</summary>
internal static class TimeJudge
{
    public static IEnumerable<(Candidate? Candidate, Finding? Notice)> Judge(string scenario, TimeComparison time, ResolvedRule settings, double confidence)
    {
        yield return One(scenario, "(scenario wall time)", time.BaseWallMs, time.HeadWallMs, settings, confidence);
        if (time.BaseCpuMs.Any(v => v > 0) && time.HeadCpuMs.Any(v => v > 0))
        {
            yield return One(scenario, "(scenario cpu time)", time.BaseCpuMs, time.HeadCpuMs, settings, confidence);
        }
    }

    private static (Candidate?, Finding?) One(string scenario, string what, IReadOnlyList<double> baseMs, IReadOnlyList<double> headMs, ResolvedRule settings, double confidence)
    {
        var test = TimeTest.Run(baseMs, headMs, confidence);
        if (test is null)
        {
            return (null, new Finding
            {
                Scenario = scenario,
                Function = what,
                Kind = FindingKind.Notice,
                Level = FindingLevel.Info,
                SampleType = "time",
                Unit = "ms",
                Rule = settings.Name,
                Message = $"{what} not compared: it needs at least 2 unprofiled timing runs per side (base has {baseMs.Count(v => v > 0)}, head {headMs.Count(v => v > 0)})",
            });
        }

        var warn = settings.Warn;
        var fail = settings.Fail;
        var delta = test.Head - test.Base;
        var log = Math.Log(test.Ratio);
        double Tail(double x) => test.StandardError > 0 ? Distributions.StudentUpperTail(x / test.StandardError, test.Df) : x > 0 ? 0 : 1;
        var screenWarn = Tail(Math.Log(1 + warn));
        var screenFail = Tail(Math.Log(1 + fail));
        var kind = Math.Abs(delta) < settings.Floor ? FindingKind.Notice
            : test.Ratio >= 1 + warn ? FindingKind.Regression
            : test.Ratio <= 1 / (1 + warn) ? FindingKind.Improvement
            : FindingKind.Notice;
        if (kind == FindingKind.Notice)
        {
            return (new Candidate(null, false, Tail(log), Tail(-log), screenWarn, screenFail), null);
        }

        var finding = new Finding
        {
            Scenario = scenario,
            Function = what,
            Kind = kind,
            Level = kind == FindingKind.Improvement ? FindingLevel.Info : test.Ratio - 1 >= fail ? FindingLevel.Fail : FindingLevel.Warn,
            SampleType = "time",
            Unit = "ms",
            Base = test.Base,
            Head = test.Head,
            Change = test.Ratio - 1,
            Delta = delta,
            Interval = new Interval(test.RatioLow - 1, test.RatioHigh - 1),
            Threshold = fail,
            Rule = settings.Name,
        };
        return (new Candidate(finding, Math.Abs(log) >= Math.Log(1 + fail), Tail(log), Tail(-log), screenWarn, screenFail), null);
    }
}
