using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PcsAutomation.LocalAws.Host;

/// <summary>
/// The emulator's HTTP servers (the AWS endpoint, each cluster's slurmrestd): Kestrel on 127.0.0.1 only, no logging, no
/// <c>Server</c> header, and a lifetime the owner controls (<see cref="EmbeddedHostLifetime"/>).
/// </summary>
internal static class LoopbackHost
{
    /// <summary>A server on <paramref name="port"/> (0: any free one) answering every request with <paramref name="handler"/>.</summary>
    public static WebApplication Build(int port, RequestDelegate handler, Action<KestrelServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            configure?.Invoke(kestrel);
        });
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    /// <summary>The address a started server listens on, with a trailing slash.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
