using Microsoft.Extensions.Hosting;

namespace PcsAutomation.LocalAws.Host;

/// <summary>
/// The emulator is embedded (tests, the standalone command): its owner decides when it stops, so the web host
/// must not take over Ctrl+C/SIGTERM the way the default console lifetime does.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
