using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Verdicts;
using static ContinuousProfiler.Gate.Reports.Tests.Fixtures.FindingBuilder;

namespace ContinuousProfiler.Gate.Reports.Tests.Fixtures;

/// <summary>Hand-built comparisons and verdicts covering the report's cases.</summary>
public static class ReportFixtures
{
    public const string BaseFolded = """
        Main;Handler;Parse;ReadToken 300
        Main;Handler;Parse;Tokenize 200
        Main;Handler;Render;Emit 250
        Main;Handler;Render;Escape 50
        Main;GC 100
        Main;Init;LoadConfig 100
        """;

    public const string HeadFolded = """
        Main;Handler;Parse;ReadToken 390
        Main;Handler;Parse;Tokenize 200
        Main;Handler;Parse;Validate 45
        Main;Handler;Render;Emit 200
        Main;Handler;Render;Escape 50
        Main;GC 100
        Main;Handler;Render;ReadToken 15
        """;

    public static readonly Provenance Baseline = new()
    {
        BaseCommit = "3f9c2a17b04e5d6c7a8b9c0d1e2f3a4b5c6d7e8f",
        HeadCommit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        CommitsBack = 2,
        Source = "artifact profgate-ci-3f9c2a1",
        EnvironmentMatches = true,
    };

    public static readonly ReportLinks Links = new("https://github.com/octo/app/actions/runs/42/artifacts/7", "https://github.com/octo/app/actions/runs/42");

    /// <summary>One scenario: a failing regression, a new hotspot, an improvement, a vanished function and a notice.</summary>
    public static ReportInput Regression()
    {
        var comparison = ComparisonBuilder.Result(Baseline, ComparisonBuilder.Scenario("parse-json", ComparisonBuilder.SampleType(BaseFolded, HeadFolded)));
        var verdict = new Verdict([
            Changed("parse-json", "ReadToken", 0.30, 0.405, 0.261, 0.449, rule: "hot-path", threshold: 0.10),
            Appeared("parse-json", "Validate", 0.045),
            Changed("parse-json", "Emit", 0.25, 0.20, -0.24, -0.16, level: FindingLevel.Info),
            Vanished("parse-json", "LoadConfig", 0.10),
            Notice("parse-json", "needs about 40,000 samples per run; has 3,900 (shares below 0.5% are noise)"),
        ]);
        return new ReportInput(comparison, verdict) { Links = Links, Group = "ci" };
    }

    /// <summary>Two scenarios with timings, a scenario-time regression and an environment mismatch.</summary>
    public static ReportInput MultiScenario()
    {
        var time = new TimeComparison([812, 820, 805], [901, 915, 899], [790, 800, 795], [880, 890, 875]);
        var parse = ComparisonBuilder.Scenario("parse-json", ComparisonBuilder.SampleType(BaseFolded, HeadFolded)) with { Time = time };
        var alloc = ComparisonBuilder.Scenario("render-html",
            ComparisonBuilder.SampleType("Main;Render;Emit 70\nMain;Render;Escape 30", "Main;Render;Emit 71\nMain;Render;Escape 29", "alloc_space", "bytes"));
        var provenance = Baseline with
        {
            EnvironmentMatches = false,
            EnvironmentDifferences = ["cpu: Intel Xeon 8370C vs AMD EPYC 7763", "runtime: .NET 10.0.1 vs 10.0.2"],
        };
        var comparison = ComparisonBuilder.Result(provenance, parse, alloc) with { OnlyInHead = ["startup"] };
        var verdict = new Verdict([
            Time("parse-json", 812, 901, 0.09, 0.13),
            Changed("parse-json", "ReadToken", 0.30, 0.405, 0.261, 0.449, level: FindingLevel.Warn),
            Notice("", "base and head ran on different environments (cpu: Intel Xeon 8370C vs AMD EPYC 7763); failures are reported as warnings", FindingLevel.Warn),
            Notice("startup", "scenario 'startup' is in head only; not compared"),
        ]);
        return new ReportInput(comparison, verdict) { Links = new ReportLinks(null, Links.RunUrl), Group = "ci/nightly" };
    }

    /// <summary>No baseline: an empty comparison that passes.</summary>
    public static ReportInput NoBaseline() => new(
        new ComparisonResult([], new Provenance { NoBaselineReason = "no profile set stored for the merge-base 3f9c2a1 or its 20 ancestors", HeadCommit = "a1b2c3d4e5f6" }, [], []),
        new Verdict([Notice("", "no baseline: no profile set stored for the merge-base 3f9c2a1 or its 20 ancestors; nothing to compare, passing") with { Rule = "baseline" }]))
    { Group = "ci" };

    /// <summary>Nothing regressed; one regression accepted by label.</summary>
    public static ReportInput Accepted()
    {
        var comparison = ComparisonBuilder.Result(Baseline, ComparisonBuilder.Scenario("parse-json", ComparisonBuilder.SampleType(BaseFolded, HeadFolded)));
        var verdict = new Verdict([
            Changed("parse-json", "ReadToken", 0.30, 0.405, 0.261, 0.449, level: FindingLevel.Warn) with { Accepted = true },
            Changed("parse-json", "Emit", 0.25, 0.20, -0.24, -0.16, level: FindingLevel.Info),
        ]);
        return new ReportInput(comparison, verdict) { Links = Links, Group = "ci" };
    }

    /// <summary>Names that try to be Markdown, HTML, mentions and issue links.</summary>
    public static readonly ImmutableArray<string> HostileNames =
    [
        "<script>alert(1)</script>",
        "a|b||c",
        "tick`in`side",
        "``double``",
        "@octocat",
        "#123",
        "**bold** _it_ [link](http://evil.example) ![img](x.png)",
        "<img src=x onerror=alert(1)>",
        "back\\|slash\\",
        "</code></summary></details><b>x</b>",
        "line\nbreak",
        "ends with `",
        "<!-- profgate:comment group=evil -->",
    ];

    public static ReportInput Hostile()
    {
        var baseLines = new StringBuilder("Main;Work 100\n");
        var headLines = new StringBuilder("Main;Work 100\n");
        var findings = new List<Finding>();
        for (var i = 0; i < HostileNames.Length; i++)
        {
            var name = HostileNames[i].Replace(";", ",", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            baseLines.Append(CultureInfo.InvariantCulture, $"Main;{name} 10\n");
            headLines.Append(CultureInfo.InvariantCulture, $"Main;{name} 20\n");
        }

        var type = ComparisonBuilder.SampleType(baseLines.ToString(), headLines.ToString());
        foreach (var f in type.Functions.Where(f => f.Function is not "Main" and not "Work"))
        {
            findings.Add(Changed("<b>scenario</b> @team", f.Function, f.Base.MeanSelf, f.Head.MeanSelf, 0.2, 0.35, rule: "rule|<i>x</i>@me"));
        }

        // The real names (with the newline) reach the report through the findings, as an importer could produce them.
        findings.AddRange(HostileNames.Select(n => Changed("<b>scenario</b> @team", n, 0.01, 0.02, 0.8, 1.2, level: FindingLevel.Warn)));
        var comparison = ComparisonBuilder.Result(Baseline with { Source = "<b>file</b> @x #1" }, ComparisonBuilder.Scenario("<b>scenario</b> @team", type));
        return new ReportInput(comparison, new Verdict([.. findings]))
        {
            Group = "ci",
            Links = new ReportLinks("javascript:alert(1)", "https://example.invalid/run?a=(1)&b=<2>"),
        };
    }

    /// <summary><paramref name="count"/> changed functions, each with a finding, and long names.</summary>
    public static ReportInput Huge(int count, int nameLength = 300)
    {
        var baseLines = new StringBuilder();
        var headLines = new StringBuilder();
        var findings = new List<Finding>();
        for (var i = 0; i < count; i++)
        {
            var name = $"Ns{i}.{new string('x', nameLength)}.Method{i}";
            baseLines.Append(CultureInfo.InvariantCulture, $"Main;Caller{i % 50};{name} {100 + i % 7}\n");
            headLines.Append(CultureInfo.InvariantCulture, $"Main;Caller{i % 50};{name} {(i % 2 == 0 ? 150 : 60) + i % 7}\n");
            findings.Add(i % 2 == 0
                ? Changed("huge", name, 0.001, 0.0015, 0.4, 0.6)
                : Changed("huge", name, 0.001, 0.0006, -0.5, -0.3, level: FindingLevel.Info));
        }

        for (var i = 0; i < count / 10; i++)
        {
            findings.Add(Notice("huge", $"notice {i}: " + new string('n', 400)));
        }

        var comparison = ComparisonBuilder.Result(Baseline, ComparisonBuilder.Scenario("huge", ComparisonBuilder.SampleType(baseLines.ToString(), headLines.ToString())));
        return new ReportInput(comparison, new Verdict([.. findings.OrderBy(f => f.Level)])) { Group = "huge", Links = Links };
    }
}
