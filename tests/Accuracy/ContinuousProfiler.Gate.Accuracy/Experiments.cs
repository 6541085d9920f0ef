using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>One cell of a table: noise level, samples per run, runs per side.</summary>
public sealed record Setting(NoiseLevel Noise, double Samples, int Runs)
{
    public string Label => $"{Noise.Name}/{Samples}/{Runs}";
}

/// <summary>A/A: same program both sides. Counts comparisons with any fail-level finding, and with any warning.</summary>
public sealed record AaResult(Setting Setting, Rate Fail, Rate Warn);

/// <summary>A slowdown on the target: caught at any level, at fail level, and whether anything else was flagged.</summary>
public sealed record PowerResult(Setting Setting, double Share, double Change, Rate Caught, Rate CaughtFail, Rate OthersFail, Rate OthersWarn);

/// <summary>A speed-up on the target: comparisons where another function fails or warns.</summary>
public sealed record SpeedupResult(Setting Setting, double Share, double Change, Rate OthersFail, Rate OthersWarn, Rate TargetImproved);

public static class Experiments
{
    public static AaResult AA(Setting setting, int trials, int seed, GatePolicy policy)
    {
        var random = new Random(Trial.Seed("aa/" + setting.Label, seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(0.05);
        int fail = 0, warn = 0;
        for (var i = 0; i < trials; i++)
        {
            var verdict = Trial.Run(simulator, program, program, setting.Runs, policy);
            fail += Trial.FlagsOther(verdict, null, FindingLevel.Fail) ? 1 : 0;
            warn += Trial.FlagsOther(verdict, null, FindingLevel.Warn) ? 1 : 0;
        }

        return new AaResult(setting, new Rate(fail, trials), new Rate(warn, trials));
    }

    public static PowerResult Power(Setting setting, double share, double change, int trials, int seed, GatePolicy policy)
    {
        var random = new Random(Trial.Seed($"power/{setting.Label}/{share}/{change}", seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(share);
        var changed = program.WithTargetChange(change);
        int caught = 0, caughtFail = 0, othersFail = 0, othersWarn = 0;
        for (var i = 0; i < trials; i++)
        {
            var verdict = Trial.Run(simulator, program, changed, setting.Runs, policy);
            caught += Trial.FlagsRegression(verdict, SyntheticProgram.Target, FindingLevel.Warn) ? 1 : 0;
            caughtFail += Trial.FlagsRegression(verdict, SyntheticProgram.Target, FindingLevel.Fail) ? 1 : 0;
            othersFail += Trial.FlagsOther(verdict, SyntheticProgram.Target, FindingLevel.Fail) ? 1 : 0;
            othersWarn += Trial.FlagsOther(verdict, SyntheticProgram.Target, FindingLevel.Warn) ? 1 : 0;
        }

        return new PowerResult(setting, share, change, new Rate(caught, trials), new Rate(caughtFail, trials), new Rate(othersFail, trials), new Rate(othersWarn, trials));
    }

    public static SpeedupResult Speedup(Setting setting, double share, double change, int trials, int seed, GatePolicy policy)
    {
        var random = new Random(Trial.Seed($"speedup/{setting.Label}/{share}/{change}", seed));
        var simulator = new RunSimulator(random, setting.Noise, setting.Samples);
        var program = SyntheticProgram.Create(share);
        var changed = program.WithTargetChange(change);
        int othersFail = 0, othersWarn = 0, improved = 0;
        for (var i = 0; i < trials; i++)
        {
            var verdict = Trial.Run(simulator, program, changed, setting.Runs, policy);
            othersFail += Trial.FlagsOther(verdict, SyntheticProgram.Target, FindingLevel.Fail) ? 1 : 0;
            othersWarn += Trial.FlagsOther(verdict, SyntheticProgram.Target, FindingLevel.Warn) ? 1 : 0;
            improved += verdict.Findings.Any(f => f.Function == SyntheticProgram.Target && f.Kind == FindingKind.Improvement) ? 1 : 0;
        }

        return new SpeedupResult(setting, share, change, new Rate(othersFail, trials), new Rate(othersWarn, trials), new Rate(improved, trials));
    }
}
