using Microsoft.Playwright;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>; no browser download is possible here) at the gateway's
/// address, as staff reach the console. Screenshots go next to the test results for review.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>A fresh browser (no cookies) at 1366×768, the console's smallest desktop size, or at a phone's width.</summary>
    public static async Task<ConsoleBrowser> StartAsync(Uri gateway, int width = 1366, int height = 768)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = gateway.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        page.SetDefaultTimeout(30_000);
        return new ConsoleBrowser(playwright, browser, page);
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
