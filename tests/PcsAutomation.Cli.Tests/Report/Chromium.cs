using PuppeteerSharp;

namespace PcsAutomation.Cli.Tests.Report;

/// <summary>
/// Debian's chromium, driven headless by PuppeteerSharp at its executable path (nothing downloaded). CI installs the
/// package (.ci/run), so a machine without it fails the test, saying how to install it.
/// </summary>
internal static class Chromium
{
    private static readonly string[] DebianPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("PCS_AUTOMATION_CHROMIUM") is { Length: > 0 } given
            ? given
            : DebianPaths.FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
            Assert.Fail("chromium is not installed: `apt-get install -y chromium` (Debian's package; .ci/run installs it), "
                + "or point PCS_AUTOMATION_CHROMIUM at a Chromium executable.");
        return path!;
    }

    /// <summary>A headless browser (as root in CI and here: no sandbox).</summary>
    public static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = ExecutablePath(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
}
