using Xunit;

namespace ContinuousProfiler.Gate.Testing;

/// <summary>A fact that needs ../shared/corpus.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = Requirements.SkipUnless(Directory.Exists(Paths.Corpus), "CORPUS", $"conformance corpus not found at {Paths.Corpus}: clone with ../shared beside the repository");
}

/// <summary>A theory that needs ../shared/corpus.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = Requirements.SkipUnless(Directory.Exists(Paths.Corpus), "CORPUS", $"conformance corpus not found at {Paths.Corpus}: clone with ../shared beside the repository");
}

/// <summary>A fact that needs ../shared/bench.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute() => Skip = Requirements.SkipUnless(Directory.Exists(Paths.Bench), "CORPUS", $"benchmark inputs not found at {Paths.Bench}: clone with ../shared beside the repository");
}

/// <summary>A fact that needs <c>go tool pprof</c>.</summary>
public sealed class PprofFactAttribute : FactAttribute
{
    public PprofFactAttribute() => Skip = Requirements.SkipUnless(Requirements.PprofTool is not null, "PPROF", "go tool pprof not installed: apt-get install -y golang-go");
}

/// <summary>A theory that needs <c>go tool pprof</c>.</summary>
public sealed class PprofTheoryAttribute : TheoryAttribute
{
    public PprofTheoryAttribute() => Skip = Requirements.SkipUnless(Requirements.PprofTool is not null, "PPROF", "go tool pprof not installed: apt-get install -y golang-go");
}

/// <summary>A theory that needs <c>go tool pprof</c> and the corpus.</summary>
public sealed class PprofCorpusTheoryAttribute : TheoryAttribute
{
    public PprofCorpusTheoryAttribute() => Skip =
        Requirements.SkipUnless(Requirements.PprofTool is not null, "PPROF", "go tool pprof not installed: apt-get install -y golang-go")
        ?? Requirements.SkipUnless(Directory.Exists(Paths.Corpus), "CORPUS", $"conformance corpus not found at {Paths.Corpus}");
}

/// <summary>A fact that needs GitHub's Markdown parser.</summary>
public sealed class CmarkFactAttribute : FactAttribute
{
    public CmarkFactAttribute() => Skip = Requirements.SkipUnless(Requirements.Which("cmark-gfm") is not null, "CMARK", "cmark-gfm not installed: apt-get install -y cmark-gfm");
}

/// <summary>A fact that needs headless Chromium.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Requirements.SkipUnless(File.Exists(Requirements.ChromiumPath), "CHROMIUM", $"chromium not found at {Requirements.ChromiumPath}: apt-get install -y chromium");
}

/// <summary>A fact that needs Chromium and the npm speedscope app.</summary>
public sealed class SpeedscopeFactAttribute : FactAttribute
{
    public SpeedscopeFactAttribute() => Skip =
        Requirements.SkipUnless(File.Exists(Requirements.ChromiumPath), "CHROMIUM", $"chromium not found at {Requirements.ChromiumPath}: apt-get install -y chromium")
        ?? Requirements.SkipUnless(File.Exists(Path.Combine(Requirements.TestkitModules, "speedscope/dist/release/index.html")), "SPEEDSCOPE", "speedscope not installed: npm ci --prefix tools/testkit");
}

/// <summary>A fact that needs GitHub's OpenAPI description and webhook examples from npm.</summary>
public sealed class ContractFactAttribute : FactAttribute
{
    public ContractFactAttribute() => Skip = Requirements.SkipUnless(
        File.Exists(Path.Combine(Requirements.TestkitModules, "@octokit/openapi/generated/api.github.com.json")),
        "CONTRACT_DATA",
        "GitHub contract data not installed: npm ci --prefix tools/testkit (@octokit/openapi, @octokit/webhooks-examples)");
}

/// <summary>A fact that needs Linux perf, permitted to sample (root, CAP_PERFMON or a low perf_event_paranoid).</summary>
public sealed class PerfFactAttribute : FactAttribute
{
    public PerfFactAttribute() => Skip = Requirements.SkipUnless(Requirements.PerfPermitted, "PERF", "perf not installed or not permitted: apt-get install -y linux-perf, and run as root or set kernel.perf_event_paranoid=1");
}

/// <summary>A fact that needs the file-format schema shipped with npm speedscope (no browser).</summary>
public sealed class SpeedscopeSchemaFactAttribute : FactAttribute
{
    public SpeedscopeSchemaFactAttribute() => Skip = Requirements.SkipUnless(File.Exists(Requirements.SpeedscopeSchema), "SPEEDSCOPE", $"speedscope's file-format schema not found at {Requirements.SpeedscopeSchema}: npm ci --prefix tools/testkit");
}
