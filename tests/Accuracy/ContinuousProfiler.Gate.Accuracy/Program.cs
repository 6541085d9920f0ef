using System.Diagnostics;
using System.Globalization;
using ContinuousProfiler.Gate.Accuracy;
using ContinuousProfiler.Gate.Core.Policy;

// Usage: dotnet run -c Release --project tests/Accuracy/ContinuousProfiler.Gate.Accuracy -- [aa] [power] [speedup]
//        [--aa-trials 1000] [--trials 300] [--samples 4000,20000] [--runs 1,3,5] [--noise console,testhost] [--seed 1]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Args.Parse(args);
var policy = GatePolicy.Default with
{
    Jitter = options.Jitter ?? GatePolicy.Default.Jitter,
    Confidence = options.Confidence ?? GatePolicy.Default.Confidence,
    FailConfidence = options.FailConfidence ?? GatePolicy.Default.FailConfidence,
};
var clock = Stopwatch.StartNew();
var settings = (
    from noise in NoiseLevel.All.Where(n => options.Noise.Any(x => n.Name.StartsWith(x, StringComparison.Ordinal)))
    from samples in options.Samples
    from runs in options.Runs
    select new Setting(noise, samples, runs)).ToList();

Console.WriteLine($"# profgate accuracy (seed {options.Seed}; policy: warn {policy.Defaults.Warn:0.#%}, fail {policy.Defaults.Fail:0.#%}, floor {policy.Defaults.Floor} points, confidence {policy.Confidence:0.##%}, fail confidence {policy.FailConfidence:0.##%}, jitter floor {policy.Jitter:0.#%})");
if (options.Parts.Contains("dump"))
{
    foreach (var setting in settings)
    {
        Console.WriteLine($"## {setting.Label}");
        Dump.FalseAlarms(setting, options.AaTrials, options.Seed, policy, Console.Out);
    }
}

if (options.Parts.Contains("poisson"))
{
    var random = new Random(options.Seed);
    foreach (var mean in new[] { 3.0, 30, 1000, 20000 })
    {
        var draws = Enumerable.Range(0, 200_000).Select(_ => (double)PoissonSampler.Next(random, mean)).ToArray();
        var m = draws.Average();
        var v = draws.Sum(d => (d - m) * (d - m)) / (draws.Length - 1);
        var z4 = draws.Count(d => Math.Abs(d - mean) > 4 * Math.Sqrt(mean)) / (double)draws.Length;
        Console.WriteLine($"poisson {mean}: mean {m:F3} var {v:F3} P(|z|>4) {z4:E2}");
    }
}

if (options.Parts.Contains("calib"))
{
    foreach (var setting in settings)
    {
        Calibration.Run(setting, options.AaTrials, options.Seed, policy, Console.Out);
    }
}

if (options.Parts.Contains("misses"))
{
    foreach (var setting in settings)
    {
        Console.WriteLine($"## {setting.Label}");
        DumpMisses.Run(setting, options.Share, options.Change, options.Trials, options.Seed, policy, Console.Out, options.Parts.Contains("--all"));
    }
}

if (options.Parts.Contains("aa"))
{
    Console.WriteLine();
    Console.WriteLine($"## A/A false alarms ({options.AaTrials} comparisons per row; rate with exact one-sided 95% upper bound)");
    Console.WriteLine();
    Console.WriteLine("| noise | samples/run | runs/side | any fail-level finding | any warning or failure |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var setting in settings)
    {
        var r = Experiments.AA(setting, options.AaTrials, options.Seed, policy);
        Console.WriteLine($"| {setting.Noise.Name} | {setting.Samples:N0} | {setting.Runs} | {r.Fail.WithUpper} | {r.Warn.WithUpper} |");
        Progress(setting.Label);
    }
}

if (options.Parts.Contains("power"))
{
    Console.WriteLine();
    Console.WriteLine($"## Power ({options.Trials} comparisons per row): target caught as a regression (warn or fail), at fail level, and other functions flagged");
    Console.WriteLine();
    Console.WriteLine("| noise | samples/run | runs/side | share | slowdown | caught | caught at fail | others fail | others warn+ |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var setting in settings)
    {
        foreach (var share in new[] { 0.01, 0.05, 0.20 })
        {
            foreach (var change in new[] { 0.05, 0.10, 0.20, 0.50 })
            {
                var r = Experiments.Power(setting, share, change, options.Trials, options.Seed, policy);
                Console.WriteLine($"| {setting.Noise.Name} | {setting.Samples:N0} | {setting.Runs} | {share:P0} | +{change:P0} | {r.Caught.Percent} | {r.CaughtFail.Percent} | {r.OthersFail.Percent} | {r.OthersWarn.Percent} |");
            }
        }

        Progress(setting.Label);
    }
}

if (options.Parts.Contains("speedup"))
{
    Console.WriteLine();
    Console.WriteLine($"## Speed-ups ({options.Trials} comparisons per row): other functions flagged (must be 0 at fail level)");
    Console.WriteLine();
    Console.WriteLine("| noise | samples/run | runs/side | share | speed-up | others fail | others warn+ | target improvement found |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var setting in settings)
    {
        foreach (var share in new[] { 0.20, 0.50 })
        {
            foreach (var change in new[] { -0.20, -0.50 })
            {
                var r = Experiments.Speedup(setting, share, change, options.Trials, options.Seed, policy);
                Console.WriteLine($"| {setting.Noise.Name} | {setting.Samples:N0} | {setting.Runs} | {share:P0} | {change:P0} | {r.OthersFail.WithUpper} | {r.OthersWarn.Percent} | {r.TargetImproved.Percent} |");
            }
        }

        Progress(setting.Label);
    }
}

Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s");
return 0;

void Progress(string label) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {label}");

internal sealed record Args(HashSet<string> Parts, int AaTrials, int Trials, double[] Samples, int[] Runs, string[] Noise, int Seed, double? Jitter, double? Confidence, double? FailConfidence, double Share, double Change)
{
    public static Args Parse(string[] args)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        int aa = 1000, trials = 300, seed = 1;
        double[] samples = [4000, 20000];
        int[] runs = [1, 3, 5];
        string[] noise = ["console", "testhost"];
        double? jitter = null, confidence = null, failConfidence = null;
        double share = 0.05, change = 0.10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--aa-trials": aa = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--trials": trials = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--samples": samples = [.. args[++i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--runs": runs = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--noise": noise = args[++i].Split(','); break;
                case "--jitter": jitter = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--confidence": confidence = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--share": share = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--change": change = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fail-confidence": failConfidence = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: parts.Add(args[i]); break;
            }
        }

        if (parts.Count == 0)
        {
            parts.UnionWith(["aa", "power", "speedup"]);
        }

        return new Args(parts, aa, trials, samples, runs, noise, seed, jitter, confidence, failConfidence, share, change);
    }
}
