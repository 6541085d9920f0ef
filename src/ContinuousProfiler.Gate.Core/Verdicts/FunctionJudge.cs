using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Statistics;

namespace ContinuousProfiler.Gate.Core.Verdicts;

/// <summary>
/// Judges one function row. Its change must beat the rule's relative threshold (in ratio terms,
/// so a regression by ×(1 + warn) and an improvement by ÷(1 + warn) mirror each other when base
/// and head swap) and the absolute floor; the share test supplies one-sided p-values; and the
/// screen is the chance noise alone would beat both, for the family-wise correction.
/// </summary>
internal static class FunctionJudge
{
    public static Candidate? Judge(string scenario, SampleTypeComparison comparison, FunctionDiff row, ResolvedRule rule, double confidence)
    {
        if (rule.Ignore || Normalization.FrameNormalizer.IsPseudoFrame(row.Function))
        {
            return null;
        }

        var measure = rule.Measure;
        var baseShares = row.Base.Of(measure).AsSpan();
        var headShares = row.Head.Of(measure).AsSpan();
        var statistic = ShareTest.Statistic(baseShares, comparison.BaseSamples.AsSpan(), headShares, comparison.HeadSamples.AsSpan(), comparison.NoiseOf(measure));
        if (statistic.Pooled == 0)
        {
            return null;
        }

        // Under no change, with base = pooled·e^(−L/2) and head = pooled·e^(L/2), the floor needs
        // |L| ≥ 2·asinh(floor / (2·pooled)) and a threshold t needs |L| ≥ ln(1 + t), in either direction.
        var floor = rule.Floor / 100;
        var floorReach = 2 * Math.Asinh(floor / (2 * statistic.Pooled));
        var screenWarn = statistic.UpperTail(Math.Max(floorReach, Math.Log(1 + rule.Warn)));
        var screenFail = statistic.UpperTail(Math.Max(floorReach, Math.Log(1 + rule.Fail)));
        var draft = Draft(scenario, comparison, row, rule, statistic, confidence);
        var failTier = draft is not null && (draft.Change is null ? false : Math.Abs(Math.Log(1 + draft.Change.Value)) >= Math.Log(1 + rule.Fail) || draft.Change.Value <= -1);
        return new Candidate(draft, failTier, statistic.PIncrease, statistic.PDecrease, screenWarn, screenFail);
    }

    private static Finding? Draft(string scenario, SampleTypeComparison comparison, FunctionDiff row, ResolvedRule rule, ShareStatistic statistic, double confidence)
    {
        var mb = statistic.BaseMean;
        var mh = statistic.HeadMean;
        var delta = (mh - mb) * 100;
        if (Math.Abs(delta) < rule.Floor || delta == 0)
        {
            return null;
        }

        var change = mb > 0 ? (mh - mb) / mb : (double?)null;
        FindingKind kind;
        if (row.IsNew)
        {
            kind = FindingKind.New;
        }
        else if (row.IsGone)
        {
            kind = FindingKind.Gone;
        }
        else if (mb == 0 || mh / mb >= 1 + rule.Warn)
        {
            kind = FindingKind.Regression;
        }
        else if (mh / mb <= 1 / (1 + rule.Warn))
        {
            kind = FindingKind.Improvement;
        }
        else
        {
            return null;
        }

        var test = ShareTest.Run(row.Base.Of(rule.Measure).AsSpan(), comparison.BaseSamples.AsSpan(), row.Head.Of(rule.Measure).AsSpan(), comparison.HeadSamples.AsSpan(), comparison.NoiseOf(rule.Measure), confidence);
        return new Finding
        {
            Scenario = scenario,
            Function = row.Function,
            Kind = kind,
            Level = kind switch
            {
                FindingKind.Regression when change is not null && change >= rule.Fail => FindingLevel.Fail,
                FindingKind.Regression or FindingKind.New => FindingLevel.Warn,
                _ => FindingLevel.Info,
            },
            SampleType = comparison.SampleType.Type,
            Unit = comparison.SampleType.Unit,
            Measure = rule.Measure,
            Base = mb,
            Head = mh,
            Change = change,
            Delta = delta,
            Interval = change is null
                ? new Interval(test.DifferenceLow * 100, test.DifferenceHigh * 100)
                : new Interval(test.RatioLow - 1, test.RatioHigh - 1),
            Threshold = rule.Fail,
            Rule = rule.Name,
        };
    }
}
