using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace PcsAutomation.Functions.Tests.Support;

/// <summary>One PUT as it arrived: the raw request target (path and query exactly as sent), the headers, the body.</summary>
internal sealed record CapturedPut(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>
/// A pre-signed S3 URL standing in for CloudFormation's <c>ResponseURL</c>: a real HTTP server on 127.0.0.1 (a free
/// port) that records every request. It answers 200 (S3's answer to a good upload) unless <see cref="Answers"/> says
/// otherwise, one status per request in order. <see cref="Url"/> looks like CloudFormation's: an escaped stack ARN as
/// the key and a signature in the query, which must arrive untouched.
/// </summary>
internal sealed class FakeResponseUrl : IAsyncDisposable
{
    public const string PathAndQuery =
        "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A111122223333%3Astack%2Fhpc%2F0e8c5a10%7CPcsSampleAmi%7C5d478078" +
        "?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767225600&Signature=pre%2Bsigned%3D";

    /// <summary>The signature in the query: it must never reach a log.</summary>
    public const string Signature = "pre%2Bsigned%3D";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<CapturedPut> puts = new();

    private FakeResponseUrl(WebApplication app) => this.app = app;

    /// <summary>The URL to put in the request's <c>ResponseURL</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Statuses for the next requests, in order; once empty, 200.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    public IReadOnlyList<CapturedPut> Puts => [.. puts];

    public static async Task<FakeResponseUrl> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new FakeResponseUrl(builder.Build());
        fake.app.Run(fake.RecordAsync);
        await fake.app.StartAsync();
        fake.Url = fake.app.Urls.First().TrimEnd('/') + PathAndQuery;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        puts.Enqueue(new CapturedPut(http.Request.Method, http.Features.Get<IHttpRequestFeature>()!.RawTarget, headers, body.ToArray()));
        http.Response.StatusCode = Answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
    }
}
