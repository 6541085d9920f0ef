using System.IO.Compression;
using System.Text;
using ContinuousProfiler.Gate.Formats.Perf;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>
/// perf script → folded against FlameGraph's own regression results (PR #231 revision) for every option we
/// support, the default-option equivalents listed in brendangregg-flamegraph/SOURCE.md, and inferno's
/// default-option collapse-perf cases (identical to the Perl script's output). Compared byte for byte.
/// </summary>
public sealed class FlameGraphPerfConformanceTests
{
    private static readonly string[] Inputs =
    [
        "perf-cycles-instructions-01", "perf-dd-stacks-01", "perf-funcab-cmd-01", "perf-funcab-pid-01",
        "perf-iperf-stacks-pidtid-01", "perf-java-faults-01", "perf-java-stacks-01", "perf-java-stacks-02",
        "perf-js-stacks-01", "perf-mirageos-stacks-01", "perf-numa-stacks-01", "perf-rust-Yamakaky-dcpu",
        "perf-vertx-stacks-01",
    ];

    public static TheoryData<string, string> OptionCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in Inputs)
        {
            foreach (var option in new[] { "pid", "tid", "kernel", "jit", "all", "addrs" })
            {
                data.Add(input, option);
            }
        }

        return data;
    }

    // SOURCE.md: stored variants that are byte-identical to the script's output without flags.
    public static TheoryData<string, string> DefaultEquivalents => new()
    {
        { "perf-cycles-instructions-01", "jit" },
        { "perf-dd-stacks-01", "jit" },
        { "perf-funcab-cmd-01", "kernel" },
        { "perf-funcab-pid-01", "addrs" },
        { "perf-iperf-stacks-pidtid-01", "jit" },
        { "perf-java-stacks-02", "addrs" },
        { "perf-js-stacks-01", "kernel" },
        { "perf-mirageos-stacks-01", "jit" },
        { "perf-rust-Yamakaky-dcpu", "jit" },
        { "perf-vertx-stacks-01", "addrs" },
    };

    [CorpusTheory]
    [MemberData(nameof(OptionCases))]
    public void Matches_stackcollapse_perf_with_option(string input, string option)
    {
        var options = option switch
        {
            "pid" => new PerfCollapseOptions { IncludePid = true },
            "tid" => new PerfCollapseOptions { IncludeTid = true },
            "kernel" => new PerfCollapseOptions { AnnotateKernel = true },
            "jit" => new PerfCollapseOptions { AnnotateJit = true },
            "all" => PerfCollapseOptions.Default.WithAllAnnotations(),
            _ => new PerfCollapseOptions { IncludeAddresses = true },
        };

        AssertCollapse($"brendangregg-flamegraph/test/{input}.txt", $"brendangregg-flamegraph/test/results/{input}-collapsed-{option}.txt", options);
    }

    [CorpusTheory]
    [MemberData(nameof(DefaultEquivalents))]
    public void Matches_stackcollapse_perf_without_flags(string input, string identicalVariant)
    {
        AssertCollapse($"brendangregg-flamegraph/test/{input}.txt", $"brendangregg-flamegraph/test/results/{input}-collapsed-{identicalVariant}.txt", PerfCollapseOptions.Default);
    }

    [CorpusTheory]
    [InlineData("jonhoo-inferno/tests/data/collapse-perf/go-stacks.txt", "jonhoo-inferno/tests/data/collapse-perf/results/go-stacks-collapsed.txt")]
    [InlineData("jonhoo-inferno/tests/data/collapse-perf/java-inline.txt", "jonhoo-inferno/tests/data/collapse-perf/results/java-inline-collapsed.txt")]
    [InlineData("jonhoo-inferno/tests/data/collapse-perf/no-events.txt", "jonhoo-inferno/tests/data/collapse-perf/results/no-events-collapsed.txt")]
    [InlineData("brendangregg-flamegraph/example-perf-stacks.txt.gz", "jonhoo-inferno/tests/data/collapse-perf/results/example-perf-stacks-collapsed.txt")]
    public void Matches_inferno_default_option_cases(string input, string expected)
    {
        AssertCollapse(input, expected, PerfCollapseOptions.Default);
    }

    private static void AssertCollapse(string input, string expected, PerfCollapseOptions options)
    {
        using var raw = File.OpenRead(Paths.CorpusFile(input));
        using Stream stream = input.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        var output = new StringWriter { NewLine = "\n" };
        new PerfScriptCollapser(options).Collapse(stream, output, input);

        var expectedText = Encoding.UTF8.GetString(File.ReadAllBytes(Paths.CorpusFile(expected)));
        AssertSameLines(expectedText, output.ToString());
    }

    private static void AssertSameLines(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var missing = e.Except(a).Take(3).ToList();
        var extra = a.Except(e).Take(3).ToList();
        Assert.Fail($"{e.Length} expected lines, {a.Length} actual; missing e.g.: {string.Join(" | ", missing)}; unexpected e.g.: {string.Join(" | ", extra)}");
    }
}
