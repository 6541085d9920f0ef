using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Formats.Speedscope;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Browser.Tests;

/// <summary>
/// The speedscope export opened in the real speedscope app (npm speedscope, file:// and its file input) in
/// headless Chromium: it loads without error and its sandwich view shows the weights we exported.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class SpeedscopeAppTests(ChromiumFixture chromium)
{
    private static string App => Path.Combine(Requirements.TestkitModules, "speedscope/dist/release/index.html");

    [SpeedscopeFact]
    public async Task The_export_loads_and_the_sandwich_view_shows_the_exported_weights()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], defaultSampleType: 1)
        {
            Metadata = ProfileMetadata.Empty with { Scenario = "parse-bench" },
        };
        builder.AddSample([new Frame("main"), new Frame("Parser.ReadToken")], 4, 40_000_000);
        builder.AddSample([new Frame("main"), new Frame("Renderer.Emit")], 1, 10_000_000);
        builder.AddSample([new Frame("main")], 1, 10_000_000);
        using var temp = new TempDir();
        var file = temp.File("parse-bench.speedscope.json");
        ProfileWriter.Write(builder.Build(), new SpeedscopeExporter(), file);

        await using var tab = await chromium.OpenAsync(App, 1280, 800, allowFilesUnder: Path.GetDirectoryName(App));
        var page = tab.Page;
        await page.SetInputFilesAsync("input#file", file);
        await page.WaitForFunctionAsync("() => / - speedscope$/.test(document.title)", null, new() { Timeout = 20_000 });
        await page.GetByText("Sandwich").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Parser.ReadToken')", null, new() { Timeout = 10_000 });
        var text = await page.InnerTextAsync("body");
        await tab.ScreenshotAsync("speedscope-sandwich.png");

        Assert.Equal("parse-bench - speedscope", await page.TitleAsync());
        Assert.Contains("cpu/nanoseconds", text, StringComparison.Ordinal);
        AssertRow(text, "main", "60.00ms (100%)", "10.00ms (17%)");
        AssertRow(text, "Parser.ReadToken", "40.00ms (67%)", "40.00ms (67%)");
        AssertRow(text, "Renderer.Emit", "10.00ms (17%)", "10.00ms (17%)");
        Assert.Equal(0, await page.GetByText("Something went wrong").CountAsync());
        Assert.Empty(tab.Dialogs);
        Assert.DoesNotContain(tab.Errors, e => !e.StartsWith("console.warning", StringComparison.Ordinal));
        Assert.Empty(tab.Blocked);
    }

    // A sandwich table row reads "<total>\t<self>\t<symbol>" in the page text.
    private static void AssertRow(string text, string symbol, string total, string self)
    {
        var row = Regex.Match(text, $@"(?<total>\S+ \(\d+%\))\s+(?<self>\S+ \(\d+%\))\s+{Regex.Escape(symbol)}\s*$", RegexOptions.Multiline);
        Assert.True(row.Success, $"no sandwich row for {symbol} in:\n{text}");
        Assert.Equal((total, self), (row.Groups["total"].Value, row.Groups["self"].Value));
    }
}
