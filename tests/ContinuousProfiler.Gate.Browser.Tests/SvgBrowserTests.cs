using ContinuousProfiler.Gate.Reports;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Browser.Tests;

/// <summary>The static SVG flame graph opened directly in Chromium: its embedded script zooms on click.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SvgBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempDir _temp = new("profgate-svg");

    [ChromiumFact]
    public async Task Clicking_a_frame_zooms_and_reset_zoom_restores()
    {
        var path = _temp.File("flame.svg");
        ReportRenderer.RenderToFile(ReportFormat.Svg, DemoComparison.Create(), path);
        await using var page = await chromium.OpenAsync(path, 1300, 700);
        await page.ScreenshotAsync("flamegraph.png", fullPage: false);

        var frame = page.Page.Locator("#frames > g").Filter(new() { Has = page.Page.Locator("title", new() { HasTextRegex = new("^OrdersController\\.Get\\n") }) }).First;
        var rect = frame.Locator("rect");
        Assert.NotEqual("100.0000%", await rect.GetAttributeAsync("width"));
        await rect.ClickAsync();
        Assert.Equal("100.0000%", await rect.GetAttributeAsync("width"));
        Assert.DoesNotContain("hide", await page.Page.GetAttributeAsync("#unzoom", "class") ?? "", StringComparison.Ordinal);
        var search = page.Page.Locator("#frames > g").Filter(new() { Has = page.Page.Locator("title", new() { HasTextRegex = new("^CatalogController\\.Search\\n") }) }).First;
        Assert.Contains("hide", await search.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await page.ScreenshotAsync("flamegraph-zoomed.png", fullPage: false);

        await page.Page.Locator("#unzoom").ClickAsync();
        Assert.NotEqual("100.0000%", await rect.GetAttributeAsync("width"));
        Assert.Empty(page.Errors);
        Assert.Equal([page.Url], page.Requests);
    }

    public void Dispose() => _temp.Dispose();
}
