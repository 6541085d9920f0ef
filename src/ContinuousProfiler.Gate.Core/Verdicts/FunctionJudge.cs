using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// Turns one function row into a candidate finding when its change beats the rule's relative
/// threshold (in ratio terms, so a regression by ×(1 + warn) and an improvement by ÷(1 + warn)
/// mirror each other when base and head swap) and the absolute floor; then runs the share test.
/// </summary>
internal static class FunctionJudge
{
    public static Candidate? Judge(string scenario, SampleTypeComparison comparison, FunctionDiff row, ResolvedRule rule, double confidence)
    {
        if (rule.Ignore)
        {
            return null;
        }

        var measure = rule.Measure;
        var warn = rule.Warn;
        var fail = rule.Fail;
        var floor = rule.Floor;
        var baseShares = row.Base.Of(measure);
        var headShares = row.Head.Of(measure);
        var mb = ShareTest.Mean(baseShares.AsSpan());
        var mh = ShareTest.Mean(headShares.AsSpan());
        var delta = (mh - mb) * 100;
        if (Math.Abs(delta) < floor || delta == 0)
        {
            return null;
        }

        FindingKind kind;
        var change = mb > 0 ? (mh - mb) / mb : (double?)null;
        if (row.IsNew)
        {
            kind = FindingKind.New;
        }
        else if (row.IsGone)
        {
            kind = FindingKind.Gone;
        }
        else if (mb == 0 || mh / mb >= 1 + warn)
        {
            kind = FindingKind.Regression;
        }
        else if (mh / mb <= 1 / (1 + warn))
        {
            kind = FindingKind.Improvement;
        }
        else
        {
            return null;
        }

        var test = ShareTest.Run(
            Unscale(baseShares, comparison.Scale),
            comparison.BaseSamples.AsSpan(),
            Unscale(headShares, comparison.Scale),
            comparison.HeadSamples.AsSpan(),
            row.Excluded,
            comparison.Noise,
            confidence);

        var interval = change is null
            ? new Interval(test.DifferenceLow * comparison.Scale * 100, test.DifferenceHigh * comparison.Scale * 100)
            : new Interval(test.RatioLow - 1, test.RatioHigh - 1);
        var level = kind switch
        {
            FindingKind.Regression when change is not null && change >= fail => FindingLevel.Fail,
            FindingKind.Regression or FindingKind.New => FindingLevel.Warn,
            _ => FindingLevel.Info,
        };

        var finding = new Finding
        {
            Scenario = scenario,
            Function = row.Function,
            Kind = kind,
            Level = level,
            SampleType = comparison.SampleType.Type,
            Unit = comparison.SampleType.Unit,
            Measure = measure,
            Base = mb,
            Head = mh,
            Change = change,
            Delta = delta,
            Interval = interval,
            Threshold = fail,
            Rule = rule.Name,
        };
        return new Candidate(finding, test.PValue);
    }

    private static ReadOnlySpan<double> Unscale(System.Collections.Immutable.ImmutableArray<double> shares, double scale)
    {
        var result = new double[shares.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = shares[i] / scale;
        }

        return result;
    }
}
