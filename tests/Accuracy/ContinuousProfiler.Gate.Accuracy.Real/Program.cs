using System.Globalization;
using ContinuousProfiler.Gate.Accuracy.Real;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;

// Usage: dotnet run -c Release --project tests/Accuracy/ContinuousProfiler.Gate.Accuracy.Real -- POOL_DIR [--trials 300] [--runs 1,3,5] [--seed 1]
// POOL_DIR comes from tests/Accuracy/capture-pool.sh. Prints Markdown tables.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ContinuousProfiler.Gate.Accuracy.Real POOL_DIR [--trials N] [--runs 1,3,5] [--seed N]");
    return 2;
}

var trials = 300;
var seed = 1;
int[] runsPerSide = [1, 3, 5];
for (var i = 1; i < args.Length; i++)
{
    var option = args[i];
    var value = i + 1 < args.Length ? args[++i] : "";
    int[] numbers = [.. value.Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1)];
    if (option is not ("--trials" or "--seed" or "--runs") || numbers.Any(n => n < 0) || (option != "--runs" && numbers.Length != 1))
    {
        Console.Error.WriteLine($"accuracy: '{option} {value}': expected --trials N, --seed N or --runs N[,N…] with positive whole numbers");
        return 2;
    }

    switch (option)
    {
        case "--trials": trials = numbers[0]; break;
        case "--seed": seed = numbers[0]; break;
        default: runsPerSide = numbers; break;
    }
}

if (!Directory.Exists(args[0]) || Directory.GetDirectories(args[0]).Length == 0)
{
    Console.Error.WriteLine($"accuracy: {args[0]}: no pool of captured runs there; expected POOL_DIR/<variant>/<set>/ as written by tests/Accuracy/capture-pool.sh");
    return 2;
}

var pool = RunPool.Load(args[0]);
var needed = 2 * runsPerSide.Max();
if (pool.Variants.Values.Any(v => v.Count < needed))
{
    Console.Error.WriteLine($"accuracy: {args[0]}: same-code comparisons with {runsPerSide.Max()} runs per side need {needed} runs per variant, but the pool has {string.Join(", ", pool.Variants.Select(v => $"{v.Key}: {v.Value.Count}"))}; capture more (capture-pool.sh ROUNDS REPEAT) or ask for fewer --runs");
    return 2;
}

var policy = GatePolicy.Default;
Console.WriteLine($"# profgate accuracy on real .NET captures ({string.Join(", ", pool.Variants.Select(v => $"{v.Key}: {v.Value.Count} runs"))}; {trials} comparisons per row; seed {seed})");
Console.WriteLine();
Console.WriteLine($"Per base run (median): {Median(pool["base"], "cpu"):N0} CPU samples, {Median(pool["base"], "alloc_space") / 1e6:N0} MB allocated (about {Median(pool["base"], "alloc_space") / 102400:N0} allocation samples)");
Console.WriteLine();
Console.WriteLine("| case | runs/side | target caught (warn+) | caught at fail | other functions fail | other functions warn+ |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
var cases = new (string Name, string Base, string Head, string? Target, string? SampleType)[]
{
    ("A/A base vs base", "base", "base", null, null),
    ("A/A cpu20 vs cpu20", "cpu20", "cpu20", null, null),
    ("A/B Checksum.Mix +20% work (cpu)", "base", "cpu20", "Sample.Lib.Checksum.Mix", "cpu"),
    ("A/B Checksum.Mix +50% work (cpu)", "base", "cpu50", "Sample.Lib.Checksum.Mix", "cpu"),
    ("A/B Formatter.Render +12% own bytes (alloc_space)", "base", "alloc12", "Sample.Lib.Formatter.Render", "alloc_space"),
};
foreach (var (name, baseVariant, headVariant, target, sampleType) in cases)
{
    if (!pool.Variants.ContainsKey(baseVariant) || !pool.Variants.ContainsKey(headVariant))
    {
        continue;
    }

    foreach (var runs in runsPerSide)
    {
        var resampling = new Resampling(new Random((seed * 7919) + (name.Length * 101) + runs), policy);
        int caught = 0, caughtFail = 0, othersFail = 0, othersWarn = 0;
        var flagged = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < trials; t++)
        {
            var verdict = resampling.Compare(pool[baseVariant], pool[headVariant], runs);
            bool IsTarget(Finding f) => target is not null && f.Function.StartsWith(target, StringComparison.Ordinal) && (sampleType is null || f.SampleType == sampleType);
            var regressions = verdict.Findings.Where(f => f.Kind is FindingKind.Regression or FindingKind.New && !f.Accepted).ToList();
            caught += regressions.Any(f => IsTarget(f) && f.Level <= FindingLevel.Warn) ? 1 : 0;
            caughtFail += regressions.Any(f => IsTarget(f) && f.Level == FindingLevel.Fail) ? 1 : 0;
            var others = regressions.Where(f => !IsTarget(f) && !(target is not null && f.Function.StartsWith(target, StringComparison.Ordinal))).ToList();
            othersFail += others.Any(f => f.Level == FindingLevel.Fail) ? 1 : 0;
            othersWarn += others.Any(f => f.Level <= FindingLevel.Warn) ? 1 : 0;
            foreach (var f in others.Where(f => f.Level <= FindingLevel.Warn))
            {
                var key = $"{f.SampleType}:{f.Function.Split('(')[0]}";
                flagged[key] = flagged.GetValueOrDefault(key) + 1;
            }
        }

        var caughtText = target is null ? "–" : Percent(caught, trials);
        var caughtFailText = target is null ? "–" : Percent(caughtFail, trials);
        Console.WriteLine($"| {name} | {runs} | {caughtText} | {caughtFailText} | {Percent(othersFail, trials)} | {Percent(othersWarn, trials)} |");
        foreach (var (function, count) in flagged.OrderByDescending(f => f.Value).Take(3))
        {
            Console.Error.WriteLine($"  {name}, {runs} runs: flagged {function} in {count} comparisons");
        }
    }
}

return 0;

static string Percent(int hits, int trials) => (100.0 * hits / trials).ToString("0.0", CultureInfo.InvariantCulture) + "%";

static double Median(IReadOnlyList<ContinuousProfiler.Gate.Core.Model.Profile> runs, string type)
{
    var totals = runs.Select(r => r.FindSampleType(type) is var i and >= 0 ? r.Total(i) : 0).Order().ToList();
    return totals.Count == 0 ? 0 : totals[totals.Count / 2];
}
