using ContinuousProfiler.Gate.Testing;
using Microsoft.Playwright;
using Xunit;

namespace ContinuousProfiler.Gate.Browser.Tests;

/// <summary>
/// One headless Chromium (Debian's /usr/bin/chromium, driven by Microsoft.Playwright without a browser
/// download) shared by every test in the <see cref="ChromiumCollection"/>: startup costs seconds.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser (launched on first use, so skipped tests never start it).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is null)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Requirements.ChromiumPath,
                Headless = true,
                Args = Arguments,
            });
        }

        return _browser;
    }

    /// <summary>
    /// Opens a local file in a fresh context that records console errors, page errors, dialogs (dismissed)
    /// and every request; any request for something other than the file itself (or, with
    /// <paramref name="allowFilesUnder"/>, a file in that folder, for apps made of several files) is
    /// aborted and recorded.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(string path, int width = 1400, int height = 1000, string? allowFilesUnder = null)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var fileUrl = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        var result = new BrowserPage(context, await context.NewPageAsync(), fileUrl);
        var allowedPrefix = allowFilesUnder is null ? null : new Uri(Path.GetFullPath(allowFilesUnder).TrimEnd('/') + "/").AbsoluteUri;
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == fileUrl || (allowedPrefix is not null && route.Request.Url.StartsWith(allowedPrefix, StringComparison.Ordinal)))
            {
                await route.ContinueAsync();
            }
            else
            {
                result.Blocked.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        result.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                result.Errors.Add($"console.{message.Type}: {message.Text}");
            }
        };
        result.Page.PageError += (_, error) => result.Errors.Add("pageerror: " + error);
        result.Page.Request += (_, request) => result.Requests.Add(request.Url);
        result.Page.Dialog += async (_, dialog) =>
        {
            result.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await result.Page.GotoAsync(fileUrl);
        return result;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page opened by <see cref="ChromiumFixture.OpenAsync"/>, with what it tried to do.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page, string url) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public string Url { get; } = url;

    /// <summary>Console errors/warnings and uncaught exceptions.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Every request the page made (the file itself included).</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Requests that were aborted because they were not the file.</summary>
    public List<string> Blocked { get; } = [];

    /// <summary>Messages of dialogs (alert, confirm, prompt) the page opened; each was dismissed.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>Saves a screenshot under artifacts/browser/ (a test artifact, git-ignored) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Paths.InRepo(Path.Combine("artifacts", "browser", name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Tests that share one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "chromium";
}
