using ContinuousProfiler.Gate.Formats.Chrome;
using ContinuousProfiler.Gate.Formats.Folded;
using ContinuousProfiler.Gate.Formats.Perf;
using ContinuousProfiler.Gate.Formats.Speedscope;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>
/// Detection is by content: over every corpus file, each text/JSON probe claims its own format and nothing
/// else (pprof, legacy pprof text, traces, diff-folded, goldens), and the registry picks the right importer.
/// </summary>
public sealed class TextFormatDetectionTests
{
    private static readonly IProfileImporter[] Mine =
        [new PerfScriptImporter(), new ChromeCpuProfileImporter(), new SpeedscopeImporter(), new FoldedImporter()];

    public static TheoryData<string, string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string, string>();
        if (!Directory.Exists(Paths.Corpus))
        {
            data.Add("(corpus missing)", "none", "");
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(Paths.Corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Paths.Corpus, path).Replace('\\', '/');
            if (new FileInfo(path).Length > 0 && Expected(file) is { } expected)
            {
                data.Add(Path.GetFileName(file), expected, file);
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Each_probe_claims_only_its_own_format(string name, string expected, string file)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var bytes = ProfileReader.ReadAll(File.OpenRead(Paths.CorpusFile(file)), file);
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).ToArray();

        var claimed = Mine.Where(i => i.CanRead(head)).Select(i => i.Name).ToList();
        Assert.Equal(Mine.Any(i => i.Name == expected) ? [expected] : new List<string>(), claimed);
        if (claimed.Count == 1)
        {
            Assert.Equal(expected, FormatRegistry.Importers.First(i => i.CanRead(head)).Name);
        }
    }

    private static string? Expected(string file) => file switch
    {
        _ when file.EndsWith("LICENSE", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal) || file.Contains("LICENSE", StringComparison.Ordinal) => null,
        _ when file.EndsWith(".snap", StringComparison.Ordinal) || file.EndsWith(".svg", StringComparison.Ordinal) || file.EndsWith(".zip", StringComparison.Ordinal) => null,
        _ when file.StartsWith("brendangregg-flamegraph/test/results/", StringComparison.Ordinal) => "folded",
        _ when file.StartsWith("brendangregg-flamegraph/", StringComparison.Ordinal) => "perf",
        _ when file.StartsWith("jonhoo-inferno/tests/data/collapse-perf/results/", StringComparison.Ordinal) => "folded",

        // perf script without call graphs (padded comm, frame on the event line): stackcollapse-perf.pl reads nothing.
        _ when file.EndsWith("/single-line-stacks.txt", StringComparison.Ordinal)
            || file.EndsWith("/one_wakeup.perf.data.dump", StringComparison.Ordinal)
            || file.EndsWith("/disk_io_no_stacks.perf.data.dump", StringComparison.Ordinal)
            || file.EndsWith("/no_stack_frames.perf.data.dump", StringComparison.Ordinal)
            || file.EndsWith("/exec_process.perf.data.dump", StringComparison.Ordinal) => "other",
        _ when file.StartsWith("jonhoo-inferno/tests/data/collapse-perf/", StringComparison.Ordinal) => "perf",
        _ when file.StartsWith("jonhoo-inferno/tests/data/collapse-recursive/", StringComparison.Ordinal) => "folded",
        _ when file.StartsWith("jonhoo-inferno/tests/data/collapse-guess/", StringComparison.Ordinal) => "other",
        _ when file.StartsWith("jonhoo-inferno/tests/data/diff-folded/", StringComparison.Ordinal) && !file.Contains("/results/", StringComparison.Ordinal) => "folded",
        _ when file.StartsWith("jonhoo-inferno/tests/data/flamegraph/differential/", StringComparison.Ordinal) || file.Contains("diff-folded/results/", StringComparison.Ordinal) => "other",
        _ when file.StartsWith("jonhoo-inferno/tests/data/flamegraph/", StringComparison.Ordinal) => "folded",
        _ when file.StartsWith("jlfwong-speedscope/sample/profiles/stackcollapse/", StringComparison.Ordinal) => "folded",
        _ when file.StartsWith("jlfwong-speedscope/sample/profiles/linux-perf/", StringComparison.Ordinal) => "perf",
        _ when file.EndsWith(".cpuprofile", StringComparison.Ordinal) => "chrome",
        _ when file.StartsWith("jlfwong-speedscope/sample/profiles/speedscope/", StringComparison.Ordinal) => "speedscope",
        _ when file.StartsWith("grafana-pyroscope/pkg/og/convert/speedscope/", StringComparison.Ordinal) => "speedscope",
        _ when file.StartsWith("microsoft-perfview/src/LinuxTracing.Tests/", StringComparison.Ordinal) => "perf",
        _ => "other",
    };
}
