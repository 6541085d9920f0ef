using System.Diagnostics;
using System.Globalization;
using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Normalization;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Formats.Folded;

// Cost of frame normalization against its peer, the same per-function summary on raw frame names,
// in one process: raw, normalized with a fresh normalizer (cold cache: every distinct frame runs the
// rules once) and with a warm one. Then the folded-diff writer on a base/head pair.
// Usage: dotnet run -c Release --project tests/Benchmarks/NormalizeBench -- [-n ROUNDS] [--pair BASE HEAD] FILE...
var rounds = 7;
var files = new List<string>();
(string Base, string Head)? pair = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "-n":
            rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--pair":
            pair = (args[i + 1], args[i + 2]);
            i += 2;
            break;
        default:
            files.Add(args[i]);
            break;
    }
}

static double Median(List<double> xs)
{
    xs.Sort();
    return xs[xs.Count / 2];
}

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

foreach (var file in files)
{
    var profile = ProfileReader.Read(file);
    var column = profile.DefaultSampleType;
    var warm = new FrameNormalizer();
    _ = FunctionSummary.Compute(profile, column, warm.NameOf);
    _ = FunctionSummary.Compute(profile, column);
    List<double> raw = [], cold = [], hot = [];
    for (var r = 0; r < rounds; r++)
    {
        raw.Add(Time(() => FunctionSummary.Compute(profile, column)));
        cold.Add(Time(() => FunctionSummary.Compute(profile, column, new FrameNormalizer().NameOf)));
        hot.Add(Time(() => FunctionSummary.Compute(profile, column, warm.NameOf)));
    }

    var distinct = profile.Frames.Select(f => f.Name).Distinct().Count();
    var merged = profile.Frames.Select(warm.Normalize).Distinct().Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileName(file)}: {profile.Samples.Length} stacks, {profile.Frames.Length} frames, {distinct} names -> {merged} normalized; " +
        $"summary raw {Median(raw):F1} ms, normalized cold {Median(cold):F1} ms ({Median(cold) / Median(raw):F2}x raw), warm {Median(hot):F1} ms ({Median(hot) / Median(raw):F2}x raw); " +
        $"cold cost per frame {(Median(cold) - Median(raw)) * 1000 / profile.Frames.Length:F2} us"));
}

if (pair is { } p)
{
    var baseProfile = ProfileReader.Read(p.Base);
    var headProfile = ProfileReader.Read(p.Head);
    List<double> rawDiff = [], normalizedDiff = [];
    var lines = 0;
    for (var r = 0; r < rounds; r++)
    {
        rawDiff.Add(Time(() => lines = FoldedDiffWriter.Write(FoldedDiffWriter.Rows([baseProfile], [headProfile]), TextWriter.Null)));
        normalizedDiff.Add(Time(() => FoldedDiffWriter.Write(FoldedDiffWriter.Rows([baseProfile], [headProfile], nameOf: new FrameNormalizer().NameOf), TextWriter.Null)));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"folded-diff {Path.GetFileName(p.Base)} vs {Path.GetFileName(p.Head)}: {lines} lines; raw names {Median(rawDiff):F1} ms, normalized (cold) {Median(normalizedDiff):F1} ms ({Median(normalizedDiff) / Median(rawDiff):F2}x)"));
}
