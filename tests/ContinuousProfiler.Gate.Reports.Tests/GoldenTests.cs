using ContinuousProfiler.Gate.Reports.Html;
using ContinuousProfiler.Gate.Reports.Svg;
using ContinuousProfiler.Gate.Reports.Templates;
using ContinuousProfiler.Gate.Reports.Tests.Fixtures;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Reports.Tests;

/// <summary>Every format for every fixture against a golden file (UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class GoldenTests
{
    private const string Folder = "tests/ContinuousProfiler.Gate.Reports.Tests/golden/";

    public static readonly string[] FixtureNames = ["regression", "multi-scenario", "no-baseline", "accepted", "hostile"];

    public static TheoryData<string> Fixtures => [.. FixtureNames];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Comment(string fixture) =>
        Golden.Assert(Render(ReportFormat.Markdown, fixture), Folder + $"comment-{fixture}.md");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Summary(string fixture) =>
        Golden.Assert(Render(ReportFormat.Summary, fixture), Folder + $"summary-{fixture}.md");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Console(string fixture) =>
        Golden.Assert(Render(ReportFormat.Console, fixture), Folder + $"console-{fixture}.txt");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Html(string fixture)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        HtmlReportRenderer.Render(Get(fixture), TemplateSource.Embedded, writer, inlineAssets: false);
        Golden.Assert(writer.ToString(), Folder + $"report-{fixture}.html");
    }

    [Theory]
    [InlineData("regression", false)]
    [InlineData("regression", true)]
    [InlineData("multi-scenario", false)]
    [InlineData("no-baseline", false)]
    [InlineData("hostile", false)]
    public void Svg(string fixture, bool baseShape)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        SvgFlameRenderer.Render(Get(fixture), TemplateSource.Embedded, writer, baseShape, withScript: false);
        Golden.Assert(writer.ToString(), Folder + $"flamegraph-{fixture}{(baseShape ? "-base" : "")}.svg");
    }

    internal static ReportInput Get(string fixture) => (fixture switch
    {
        "regression" => ReportFixtures.Regression(),
        "multi-scenario" => ReportFixtures.MultiScenario(),
        "no-baseline" => ReportFixtures.NoBaseline(),
        "accepted" => ReportFixtures.Accepted(),
        "hostile" => ReportFixtures.Hostile(),
        _ => throw new ArgumentException(fixture),
    }) with { Generator = "profgate (test)" };

    internal static string Render(ReportFormat format, string fixture)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ReportRenderer.Render(format, Get(fixture), writer);
        return writer.ToString();
    }
}
