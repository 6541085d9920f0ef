using System.Text.Json;
using ContinuousProfiler.Gate.Reports;
using ContinuousProfiler.Gate.Testing;
using Microsoft.Playwright;
using Xunit;

namespace ContinuousProfiler.Gate.Browser.Tests;

/// <summary>The HTML report in headless Chromium: loads cleanly offline, zooms, searches, sorts.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class HtmlReportBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private static readonly Lazy<ReportInput> Demo = new(() => DemoComparison.Create());
    private readonly TempDir _temp = new("profgate-browser");

    [ChromiumFact]
    public async Task Report_loads_offline_without_errors_and_draws_the_graph()
    {
        await using var page = await OpenDemoAsync();
        Assert.Empty(page.Errors);
        Assert.Empty(page.Blocked);
        Assert.Equal([page.Url], page.Requests);

        Assert.Contains("Performance regression", await page.Page.Locator("#verdict").InnerTextAsync(), StringComparison.Ordinal);
        var canvas = await page.Page.Locator("#flame").BoundingBoxAsync();
        Assert.NotNull(canvas);
        Assert.True(canvas.Height > 8 * 18, $"canvas height {canvas.Height}");
        Assert.NotNull(await LocateAsync(page, "Utf8JsonWriter.WriteString"));
        Assert.Contains("frames drawn", await page.Page.Locator("#view-note").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("report.png");
    }

    [ChromiumFact]
    public async Task Clicking_a_frame_zooms_into_it_and_reset_zooms_out()
    {
        await using var page = await OpenDemoAsync();
        var canvas = (await page.Page.Locator("#flame").BoundingBoxAsync())!;
        var before = (await LocateAsync(page, "OrdersController.Get"))!;
        Assert.True(before.Width < canvas.Width * 0.8);

        await page.Page.Mouse.ClickAsync(before.X + (before.Width / 2), before.Y + (before.Height / 2));
        Assert.EndsWith("OrdersController.Get", await page.Page.Locator("#zoom-path").InnerTextAsync(), StringComparison.Ordinal);
        var after = (await LocateAsync(page, "OrdersController.Get"))!;
        Assert.InRange(after.Width, canvas.Width - 12, canvas.Width);
        Assert.Null(await LocateAsync(page, "CatalogController.Search"));
        await page.ScreenshotAsync("report-zoomed.png");

        await page.Page.ClickAsync("#reset");
        Assert.Equal("", await page.Page.Locator("#zoom-path").InnerTextAsync());
        Assert.NotNull(await LocateAsync(page, "CatalogController.Search"));
        Assert.Empty(page.Errors);
    }

    [ChromiumFact]
    public async Task Search_highlights_matching_frames_and_reports_their_share()
    {
        await using var page = await OpenDemoAsync();
        await page.Page.FillAsync("#search", "Utf8JsonWriter");
        var status = await page.Page.Locator("#search-status").InnerTextAsync();
        Assert.Matches(@"^2 frames match: head \d+\.\d\d%, base \d+\.\d\d% \(\+\d+\.\d\d pts\)$", status);

        var frame = (await LocateAsync(page, "Utf8JsonWriter.WriteString"))!;
        var pixel = await page.Page.EvaluateAsync<int[]>(
            "({ x, y }) => { const c = document.getElementById('flame'); const r = c.getBoundingClientRect(); const d = window.devicePixelRatio || 1; return Array.from(c.getContext('2d').getImageData(Math.round((x - r.left) * d), Math.round((y - r.top) * d), 1, 1).data); }",
            new { x = (double)frame.X + 2, y = (double)frame.Y + 2 });
        Assert.Equal([162, 28, 175], pixel[..3]);
        await page.ScreenshotAsync("report-search.png");

        await page.Page.FillAsync("#search", "");
        Assert.Equal("", await page.Page.Locator("#search-status").InnerTextAsync());
        Assert.Empty(page.Errors);
    }

    [ChromiumFact]
    public async Task Function_table_sorts_by_the_clicked_column()
    {
        await using var page = await OpenDemoAsync();
        Assert.Equal("Utf8JsonWriter.WriteString", await FirstRowAsync(page));

        await page.Page.ClickAsync("#functions th[data-key=ds]");
        Assert.Equal("ascending", await page.Page.GetAttributeAsync("#functions th[data-key=ds]", "aria-sort"));
        Assert.Equal("Tokenizer.Split", await FirstRowAsync(page));

        await page.Page.ClickAsync("#functions th[data-key=name]");
        var names = await page.Page.Locator("#functions tbody td.fn").AllInnerTextsAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Empty(page.Errors);
    }

    [ChromiumFact]
    public async Task Base_shape_shows_code_that_vanished_and_hover_shows_the_details()
    {
        await using var page = await OpenDemoAsync();
        Assert.Null(await LocateAsync(page, "LegacyCache.Lookup"));
        await page.Page.ClickAsync("#shape-base");
        var gone = await LocateAsync(page, "LegacyCache.Lookup");
        Assert.NotNull(gone);

        await page.Page.ClickAsync("#shape-head");
        var frame = (await LocateAsync(page, "Utf8JsonWriter.WriteString"))!;
        await page.Page.Mouse.MoveAsync(frame.X + (frame.Width / 2), frame.Y + (frame.Height / 2));
        var tooltip = await page.Page.Locator("#tooltip").InnerTextAsync();
        Assert.Contains("Utf8JsonWriter.WriteString", tooltip, StringComparison.Ordinal);
        Assert.Matches(@"Head\s+\d+\.\d\d% total", tooltip);
        Assert.Matches(@"Base\s+\d+\.\d\d% total", tooltip);
        Assert.Matches(@"Change\s+total \+\d+\.\d%", tooltip);
        Assert.Matches(@"Gate\s+(fail|warn) regression, cpu · self \+\d+\.\d% \[\+\d+\.\d%, \+\d+\.\d%\]", tooltip);
        await page.ScreenshotAsync("report-hover.png", fullPage: false);
        Assert.Empty(page.Errors);
    }

    [ChromiumFact]
    public async Task Hundred_thousand_stacks_are_pruned_to_what_is_visible_and_stay_interactive()
    {
        var input = DemoComparison.Wide(100_000);
        var path = _temp.File("wide.html");
        ReportRenderer.RenderToFile(ReportFormat.Html, input, path);
        var size = new FileInfo(path).Length;
        Assert.True(size < 5_000_000, $"{size} bytes");

        await using var page = await chromium.OpenAsync(path);
        Assert.Empty(page.Errors);
        var note = await page.Page.Locator("#view-note").InnerTextAsync();
        Assert.Matches(@"[\d,]+ call paths narrower than \d+\.\d+% of the total \(\d+(\.\d+)? px of a 1,200 px graph\) are hidden", note);
        var frame = (await LocateAsync(page, "Root1.Run"))!;
        await page.Page.Mouse.ClickAsync(frame.X + 5, frame.Y + 5);
        Assert.EndsWith("Root1.Run", await page.Page.Locator("#zoom-path").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("report-wide.png", fullPage: false);
        Assert.Empty(page.Errors);
        Assert.Equal([page.Url], page.Requests);
    }

    [ChromiumFact]
    public async Task Views_switch_between_scenarios_and_sample_types()
    {
        var demo = Demo.Value;
        var second = demo.Comparison.Scenarios[0] with { Scenario = "orders-api-warm" };
        var input = demo with { Comparison = demo.Comparison with { Scenarios = [demo.Comparison.Scenarios[0], second] } };
        var path = _temp.File("views.html");
        ReportRenderer.RenderToFile(ReportFormat.Html, input, path);
        await using var page = await chromium.OpenAsync(path);
        Assert.Equal(2, await page.Page.Locator("#view option").CountAsync());
        Assert.StartsWith("orders-api ·", await page.Page.Locator("#view-note").InnerTextAsync(), StringComparison.Ordinal);
        await page.Page.SelectOptionAsync("#view", "1");
        Assert.StartsWith("orders-api-warm ·", await page.Page.Locator("#view-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotNull(await LocateAsync(page, "OrdersController.Get"));
        Assert.Empty(page.Errors);
    }

    [ChromiumFact]
    public async Task A_report_without_baseline_shows_the_verdict_and_hides_the_empty_graph()
    {
        var input = new ReportInput(
            new Core.Comparison.ComparisonResult([], new Core.Comparison.Provenance { NoBaselineReason = "no profile set stored for the merge-base" }, [], []),
            new Core.Verdicts.Verdict([]));
        var path = _temp.File("none.html");
        ReportRenderer.RenderToFile(ReportFormat.Html, input, path);
        await using var page = await chromium.OpenAsync(path);
        Assert.Contains("No baseline", await page.Page.Locator("#verdict").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.Page.Locator("#flame-section").IsVisibleAsync());
        Assert.Empty(page.Errors);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<BrowserPage> OpenDemoAsync()
    {
        var path = _temp.File("report.html");
        ReportRenderer.RenderToFile(ReportFormat.Html, Demo.Value, path);
        return await chromium.OpenAsync(path);
    }

    private static async Task<Box?> LocateAsync(BrowserPage page, string name)
    {
        var json = await page.Page.EvaluateAsync<JsonElement?>("name => window.profgate.locate(name)", name);
        return json is { ValueKind: JsonValueKind.Object } j
            ? new Box(j.GetProperty("x").GetSingle(), j.GetProperty("y").GetSingle(), j.GetProperty("width").GetSingle(), j.GetProperty("height").GetSingle())
            : null;
    }

    private static async Task<string> FirstRowAsync(BrowserPage page) =>
        await page.Page.Locator("#functions tbody tr:first-child td.fn").InnerTextAsync();

    private sealed record Box(float X, float Y, float Width, float Height);
}
