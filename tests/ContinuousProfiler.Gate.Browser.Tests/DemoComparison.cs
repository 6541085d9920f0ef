using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Reports;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Browser.Tests;

/// <summary>
/// A web-API-like CPU profile pair compared by the real engine (Comparer + GateEvaluator): JSON string
/// writing regressed ×1.6, tokenizing improved ×0.5, a validator appeared, a legacy cache vanished.
/// Three runs per side with a few percent of noise; deterministic.
/// </summary>
public static class DemoComparison
{
    private const string Request = "Program.Main;Host.Run;Kestrel.ProcessRequests;Pipeline.Invoke";
    private const string Orders = Request + ";RoutingMiddleware.Invoke;OrdersController.Get";
    private const string Search = Request + ";RoutingMiddleware.Invoke;CatalogController.Search;SearchIndex.Lookup";

    private static readonly (string Stack, double Base, double Head)[] Stacks =
    [
        (Request + ";AuthMiddleware.Invoke;TokenValidator.Validate;Crypto.HmacSha256", 600, 600),
        (Request + ";AuthMiddleware.Invoke;TokenValidator.Validate", 120, 120),
        (Orders + ";OrderRepository.Query;SqlClient.ExecuteReader;Socket.Receive", 900, 900),
        (Orders + ";OrderRepository.Query;SqlClient.ExecuteReader", 300, 300),
        (Orders + ";OrderRepository.Query;OrderMapper.Map", 400, 400),
        (Orders + ";JsonSerializer.Serialize;Utf8JsonWriter.WriteString", 800, 1280),
        (Orders + ";JsonSerializer.Serialize;Utf8JsonWriter.WriteNumber", 300, 300),
        (Orders + ";JsonSerializer.Serialize;ReflectionMemberAccessor.GetValue", 350, 350),
        (Orders + ";LegacyCache.Lookup;Dictionary.TryGetValue", 250, 0),
        (Orders + ";OrderValidator.Check;Regex.IsMatch", 0, 300),
        (Search + ";Tokenizer.Split", 700, 350),
        (Search + ";Scorer.Rank", 650, 650),
        (Search + ";Scorer.Rank;Math.Log", 200, 200),
        (Request + ";LoggingMiddleware.Invoke;Logger.Format;StringBuilder.Append", 250, 250),
        ("Program.Main;GC.Collect;GC.MarkPhase", 500, 500),
        ("Program.Main;GC.Collect;GC.SweepPhase", 250, 250),
        ("Program.Main;ThreadPool.Dispatch;Task.Run", 150, 150),
    ];

    public static ReportInput Create(int runs = 3, double samplesPerRun = 60_000)
    {
        var filler = Filler();
        var baseRuns = Enumerable.Range(0, runs).Select(r => Profile(filler, head: false, r, samplesPerRun)).ToImmutableArray();
        var headRuns = Enumerable.Range(0, runs).Select(r => Profile(filler, head: true, r + 100, samplesPerRun)).ToImmutableArray();
        var baseSide = new ScenarioRuns("orders-api", baseRuns, [.. new[] { 812.0, 820, 805, 815, 809 }.Select(ms => new TimingRun(ms, ms * 0.97))]);
        var headSide = new ScenarioRuns("orders-api", headRuns, [.. new[] { 861.0, 870, 858, 866, 862 }.Select(ms => new TimingRun(ms, ms * 0.97))]);
        var provenance = new Provenance
        {
            BaseCommit = "3f9c2a17b04e5d6c7a8b9c0d1e2f3a4b5c6d7e8f",
            HeadCommit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
            CommitsBack = 1,
            Source = "artifact profgate-ci-3f9c2a1",
            EnvironmentMatches = true,
        };
        var comparison = Comparer.Compare([baseSide], [headSide], provenance: provenance);
        var verdict = GateEvaluator.Evaluate(comparison, GatePolicy.Default);
        return new ReportInput(comparison, verdict)
        {
            Group = "ci",
            Title = "profgate: orders-api (PR #42)",
            Links = new ReportLinks(null, "https://github.com/octo/shop/actions/runs/42"),
            Generator = "profgate (test)",
        };
    }

    /// <summary>A profile with about <paramref name="stacks"/> distinct stacks (depth 6–24 over 2,000 names), head with a few changes.</summary>
    public static ReportInput Wide(int stacks)
    {
        var random = new Random(7);
        var lines = new List<(string Stack, double Base, double Head)>(stacks);
        for (var i = 0; i < stacks; i++)
        {
            var depth = 6 + random.Next(19);
            var frames = new string[depth];
            for (var d = 0; d < depth; d++)
            {
                frames[d] = d < 2 ? $"Root{d}.Run" : $"Ns{random.Next(40)}.Type{random.Next(50)}.M{d % 7}";
            }

            var weight = 1 + (1000.0 / (1 + i));
            lines.Add((string.Join(';', frames), weight, i % 97 == 0 ? weight * 1.8 : weight));
        }

        var baseProfile = Build(lines.Select(l => (l.Stack, l.Base)));
        var headProfile = Build(lines.Select(l => (l.Stack, l.Head)));
        var comparison = Comparer.Compare([ScenarioRuns.Single(baseProfile, "wide")], [ScenarioRuns.Single(headProfile, "wide")]);
        return new ReportInput(comparison, GateEvaluator.Evaluate(comparison, GatePolicy.Default)) { Group = "wide", Generator = "profgate (test)" };
    }

    private static List<(string Stack, double Base, double Head)> Filler()
    {
        // Many small callees so the graph looks like a real one.
        var random = new Random(42);
        string[] parents = [Orders + ";OrderRepository.Query;OrderMapper.Map", Search + ";Scorer.Rank", Request + ";LoggingMiddleware.Invoke;Logger.Format", "Program.Main;GC.Collect;GC.MarkPhase", Orders + ";JsonSerializer.Serialize;ReflectionMemberAccessor.GetValue"];
        string[] verbs = ["Read", "Write", "Parse", "Copy", "Hash", "Compare", "Resize", "Visit", "Encode", "Find"];
        string[] types = ["Span", "Buffer", "Node", "Segment", "Entry", "Token", "Frame", "Slot", "Page", "Cursor"];
        var list = new List<(string, double, double)>();
        for (var i = 0; i < 120; i++)
        {
            var stack = new StringBuilder(parents[random.Next(parents.Length)]);
            var depth = 1 + random.Next(4);
            for (var d = 0; d < depth; d++)
            {
                stack.Append(CultureInfo.InvariantCulture, $";{types[random.Next(types.Length)]}{(d == 0 ? "Helpers" : "")}.{verbs[random.Next(verbs.Length)]}{types[random.Next(types.Length)]}");
            }

            var weight = 5 + random.Next(60);
            list.Add((stack.ToString(), weight, weight));
        }

        return list;
    }

    private static Profile Profile(List<(string Stack, double Base, double Head)> filler, bool head, int seed, double samplesPerRun)
    {
        var random = new Random(seed);
        var all = Stacks.Concat(filler).ToList();
        var total = all.Sum(s => s.Base);
        return Build(all.Select(s => (s.Stack, Math.Round((head ? s.Head : s.Base) / total * samplesPerRun * (1 + (0.02 * Gaussian(random)))))));
    }

    private static Profile Build(IEnumerable<(string Stack, double Samples)> stacks)
    {
        var folded = new StringBuilder();
        foreach (var (stack, samples) in stacks.Where(s => s.Samples > 0))
        {
            folded.Append(CultureInfo.InvariantCulture, $"{stack} {samples * 10_000_000}\n");
        }

        return TestProfiles.FromFolded(folded.ToString(), "cpu", "nanoseconds");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
