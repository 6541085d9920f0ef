using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>The pprof files of ../shared/corpus, sorted by what profgate must do with them.</summary>
internal static class PprofCorpus
{
    /// <summary>Protobuf profiles that <c>go tool pprof -raw</c> accepts and profgate must read.</summary>
    public static readonly string[] Valid =
    [
        "google-pprof/internal/driver/testdata/cppbench.cpu_no_samples_type",
        "google-pprof/internal/driver/testdata/go.nomappings.crash",
        "google-pprof/internal/report/testdata/sample.cpu",
        "google-pprof/internal/proftest/testdata/large.cpu",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/cpu-js.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/cpu.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/heap-js.pprof",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/heap.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/nodejs-heap.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/nodejs-wall.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/pyspy-1.pb.gz",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/req_2.pprof",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/req_3.pprof",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/req_4.pprof",
        "grafana-pyroscope/pkg/og/convert/pprof/testdata/req_5.pprof",
        "grafana-pyroscope/pkg/og/structs/flamebearer/convert/testdata/cpu-unknown.pb.gz",
        "grafana-pyroscope/pkg/pprof/testdata/dotnet.labels.pprof",
        "grafana-pyroscope/pkg/pprof/testdata/go.cpu.labels.pprof",
        "grafana-pyroscope/pkg/pprof/testdata/heap",
        "grafana-pyroscope/pkg/pprof/testdata/heap_delta",
        "grafana-pyroscope/pkg/pprof/testdata/malformed/no_addr_no_line.pb.gz",
        "grafana-pyroscope/pkg/pprof/testdata/profile_java",
        "grafana-pyroscope/pkg/pprof/testdata/profile_nodejs",
        "grafana-pyroscope/pkg/pprof/testdata/profile_python",
        "grafana-pyroscope/pkg/pprof/testdata/profile_ruby",
        "grafana-pyroscope/pkg/pprof/testdata/profile_rust",
        "grafana-pyroscope/pkg/pprof/testdata/single_group_with_optional_span_id.pb.gz",
        "jlfwong-speedscope/sample/profiles/pprof/simple.prof",
    ];

    /// <summary>Protobuf files profgate rejects, with a fragment the one-line message must contain.</summary>
    public static readonly (string File, string Expected)[] Rejected =
    [
        // Every Function.id is 0; go tool pprof rejects it as malformed too.
        ("grafana-pyroscope/pkg/og/convert/pprof/testdata/dotnet-pprof-3.pb.gz", "has the reserved id 0"),
        // A function name holding every byte 0x00-0xFF. pprof shows it as bytes; profgate refuses non-UTF-8 names.
        ("grafana-pyroscope/pkg/og/convert/pprof/testdata/invalid_utf8.pb.gz", "is not valid UTF-8"),
    ];

    /// <summary>Legacy (pre-protobuf) pprof inputs, rejected with the convert command.</summary>
    public static readonly string[] Legacy =
    [
        "google-pprof/profile/testdata/cppbench.contention",
        "google-pprof/profile/testdata/cppbench.cpu",
        "google-pprof/profile/testdata/cppbench.growth",
        "google-pprof/profile/testdata/cppbench.heap",
        "google-pprof/profile/testdata/cppbench.thread",
        "google-pprof/profile/testdata/cppbench.thread.all",
        "google-pprof/profile/testdata/cppbench.thread.none",
        "google-pprof/profile/testdata/go.crc32.cpu",
        "google-pprof/profile/testdata/go.godoc.thread",
        "google-pprof/profile/testdata/gobench.cpu",
        "google-pprof/profile/testdata/gobench.heap",
        "google-pprof/profile/testdata/java.contention",
        "google-pprof/profile/testdata/java.cpu",
        "google-pprof/profile/testdata/java.heap",
        "google-pprof/internal/driver/testdata/cppbench.small.contention",
        "google-pprof/fuzz/testdata/7e3c92482f6f39fc502b822ded792c589849cca8",
    ];

    public static TheoryData<string> ValidFiles() => [.. Valid];

    public static TheoryData<string, string> RejectedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, expected) in Rejected)
        {
            data.Add(file, expected);
        }

        return data;
    }

    public static TheoryData<string> LegacyFiles() => [.. Legacy];
}
