using System.Globalization;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>Prints the first false alarms of an A/A setting with the noise model behind them (for tuning).</summary>
public static class Dump
{
    public static void FalseAlarms(Setting setting, int trials, int seed, GatePolicy policy, TextWriter output, int show = 5)
    {
        var random = new Random(Trial.Seed("aa/" + setting.Label, seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(0.05);
        var shown = 0;
        for (var i = 0; i < trials && shown < show; i++)
        {
            var baseRuns = simulator.Draw(program, setting.Runs);
            var headRuns = simulator.Draw(program, setting.Runs);
            var comparison = Comparer.Compare([baseRuns], [headRuns], new ComparisonOptions { MinJitter = policy.Jitter });
            var verdict = GateEvaluator.Evaluate(comparison, policy);
            if (!Trial.FlagsOther(verdict, null, FindingLevel.Warn))
            {
                continue;
            }

            shown++;
            var type = comparison.Scenarios[0].SampleTypes[0];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {i}: noise {type.Noise}; excluded [{string.Join(",", type.Excluded)}]; samples {string.Join("/", type.BaseSamples.Select(s => s.ToString("0")))} vs {string.Join("/", type.HeadSamples.Select(s => s.ToString("0")))}"));
            foreach (var f in verdict.Findings.Where(f => f.Kind != FindingKind.Notice))
            {
                var row = type.Functions.Single(r => r.Function == f.Function);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Level} {f.Kind} {f.Function}: {f.Base:P2} -> {f.Head:P2} change {f.Change:P1} [{f.Interval.Low:P1}, {f.Interval.High:P1}] p={f.PValue:E2}; base [{string.Join(" ", row.Base.Self.Select(v => v.ToString("P2")))}] head [{string.Join(" ", row.Head.Self.Select(v => v.ToString("P2")))}]"));
            }
        }
    }
}

/// <summary>Prints the first misses of a power setting: the target's estimate, statistic and the noise model.</summary>
public static class DumpMisses
{
    public static void Run(Setting setting, double share, double change, int trials, int seed, GatePolicy policy, TextWriter output, bool all = false, int show = 8)
    {
        var random = new Random(Trial.Seed($"{(change < 0 ? "speedup" : "power")}/{setting.Label}/{share}/{change}", seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(share);
        var changed = program.WithTargetChange(change);
        var shown = 0;
        for (var i = 0; i < trials && shown < show; i++)
        {
            var baseRuns = simulator.Draw(program, setting.Runs);
            var headRuns = simulator.Draw(changed, setting.Runs);
            var comparison = Comparer.Compare([baseRuns], [headRuns], new ComparisonOptions { MinJitter = policy.Jitter });
            var verdict = GateEvaluator.Evaluate(comparison, policy);
            if (change > 0 ? Trial.FlagsRegression(verdict, SyntheticProgram.Target, FindingLevel.Warn) : !all && !Trial.FlagsOther(verdict, SyntheticProgram.Target, FindingLevel.Fail))
            {
                continue;
            }

            foreach (var f in verdict.Findings.Where(f => f.Kind != FindingKind.Notice).Take(4))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Level} {f.Kind} {f.Function}: {f.Base:P2} -> {f.Head:P2} change {f.Change:P1} p={f.PValue:E2}"));
            }

            shown++;
            var type = comparison.Scenarios[0].SampleTypes[0];
            var row = type.Functions.Single(r => r.Function == SyntheticProgram.Target);
            var b = row.Base.Self.ToArray();
            var h = row.Head.Self.ToArray();
            var statistic = Core.Statistics.ShareTest.Statistic(b, type.BaseSamples.AsSpan(), h, type.HeadSamples.AsSpan(), type.Noise);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {i}: change {row.Change(Measure.Self):P1} log {statistic.LogRatio:F4} se {statistic.StandardError:F4} z {statistic.LogRatio / statistic.StandardError:F2} pUp {statistic.PIncrease:E2}; noise {type.Noise}; excluded [{string.Join(",", type.Excluded)}]"));
        }
    }
}

/// <summary>Checks the calibration of the share test on A/A data: the spread of z and its tails, by function size.</summary>
public static class Calibration
{
    public static void Run(Setting setting, int trials, int seed, GatePolicy policy, TextWriter output)
    {
        var random = new Random(Trial.Seed("calib/" + setting.Label, seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(0.05);
        var bins = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var jitters = new List<double>();
        for (var i = 0; i < trials; i++)
        {
            var comparison = Comparer.Compare([simulator.Draw(program, setting.Runs)], [simulator.Draw(program, setting.Runs)], new ComparisonOptions { MinJitter = policy.Jitter });
            var type = comparison.Scenarios[0].SampleTypes[0];
            jitters.Add(type.Noise.Jitter);
            foreach (var row in type.Functions)
            {
                var b = row.Base.Self.ToArray();
                var h = row.Head.Self.ToArray();
                var s = Core.Statistics.ShareTest.Statistic(b, type.BaseSamples.AsSpan(), h, type.HeadSamples.AsSpan(), type.Noise);
                if (s.Pooled == 0)
                {
                    continue;
                }

                var bin = s.Pooled >= 0.1 ? "≥10%" : s.Pooled >= 0.03 ? "3–10%" : s.Pooled >= 0.01 ? "1–3%" : "<1%";
                var z = s.LogRatio / s.StandardError;
                // Map t to the normal scale so tails compare across df.
                var p = Core.Statistics.Distributions.StudentUpperTail(z, s.Df);
                var zn = -Core.Statistics.Distributions.NormalQuantile(Math.Clamp(p, 1e-300, 1 - 1e-16));
                (bins.TryGetValue(bin, out var list) ? list : bins[bin] = []).Add(zn);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{setting.Label}: jitter mean {jitters.Average():F4}"));
        foreach (var (bin, zs) in bins.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var var = zs.Sum(z => z * z) / zs.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bin,-6} n={zs.Count,6} var(z)={var:F3} P(z>2)={zs.Count(z => z > 2) / (double)zs.Count:E2} (2.3e-2) P(z>3)={zs.Count(z => z > 3) / (double)zs.Count:E2} (1.3e-3) P(z>3.5)={zs.Count(z => z > 3.5) / (double)zs.Count:E2} (2.3e-4) P(z<-3)={zs.Count(z => z < -3) / (double)zs.Count:E2}"));
        }
    }
}
