using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PcsAutomation.LocalAws.Host;

/// <summary>
/// The HTTP front: routes <c>POST /</c> by <c>X-Amz-Target</c> (awsJson) or by the <c>Action</c> form field
/// (query protocol), authenticates, applies injected faults, and writes the answer or the error in the
/// real shape. Nothing a client sends can make it answer 5xx, except injected faults.
/// </summary>
public sealed class AwsRequestHandler(LocalAws host, LocalAwsOptions options)
{
    private readonly Authenticator authenticator = new(options);

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        JsonServiceRegistration? service = null;
        var operation = "";
        var reachedService = false;
        try
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (target.Length == 0)
            {
                if (Sns.SnsQueryEndpoint.Accepts(context.Request, body) && host.Services.FindBySigningName(Sns.SnsService.SigningName) is { } sns)
                {
                    await new Sns.SnsQueryEndpoint(host, authenticator).HandleAsync(context, sns, body!, requestId).ConfigureAwait(false);
                    return;
                }
                if (Ec2.Ec2QueryEndpoint.Accepts(context.Request, body) && host.Services.FindBySigningName(Ec2.Ec2Service.SigningName) is { } ec2)
                {
                    await new Ec2.Ec2QueryEndpoint(host, authenticator).HandleAsync(context, ec2, body!, requestId).ConfigureAwait(false);
                    return;
                }
                await WriteQueryOrMissingTargetAsync(context, body).ConfigureAwait(false);
                return;
            }
            var dot = target.LastIndexOf('.');
            service = dot > 0 ? host.Services.FindByTarget(target[..dot]) : null;
            operation = dot > 0 ? target[(dot + 1)..] : target;
            if (service is null)
                throw new AwsServiceException("UnknownOperationException", $"The target {Clip(target)} is not served here.", 400);
            if (body is null)
                throw new AwsServiceException("RequestEntityTooLargeException", $"Request body exceeds {options.MaxBodyBytes} bytes.", 413);
            var accessKey = authenticator.Authenticate(context.Request, service, body);
            var request = ParseObject(body);
            reachedService = true; // from here on, LocalAws.Execute logs the call itself
            var outcome = host.Execute(service, operation, request, new CallerContext(requestId, accessKey,
                context.Request.Headers.UserAgent.ToString(), context.Connection.RemoteIpAddress?.ToString()));
            await WriteJsonAsync(context, service, 200, outcome).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            if (service is not null && !reachedService)
                host.Calls.Add(new CallRecord(host.Clock.GetUtcNow(), service.SigningName, operation, error.StatusCode, error.Code, requestId));
            await WriteErrorAsync(context, service, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away; nothing to answer
        }
        catch (BadHttpRequestException bad)
        {
            await WriteErrorAsync(context, service, new AwsServiceException("SerializationException", bad.Message, 400)).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the body up to the limit; null when it is larger.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static JsonObject ParseObject(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            var request = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false }) as JsonObject
                          ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.", 400);
            Materialize(request);
            return request;
        }
        catch (JsonException)
        {
            throw new AwsServiceException("SerializationException", "The request body is not valid JSON.", 400);
        }
        catch (ArgumentException)
        {
            throw new AwsServiceException("SerializationException", "The request body is not valid UTF-8 JSON.", 400);
        }
    }

    /// <summary>Builds every lazily parsed node now, so malformed content fails here and not inside a service.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Materialize(value);
                break;
            case JsonArray a:
                foreach (var item in a) Materialize(item);
                break;
        }
    }

    /// <summary>No X-Amz-Target: a query-protocol call (EC2, served after merge) or a malformed request.</summary>
    private static async Task WriteQueryOrMissingTargetAsync(HttpContext context, byte[]? body)
    {
        var isForm = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (!isForm || body is null)
        {
            await WriteErrorAsync(context, null, new AwsServiceException("UnknownOperationException", "Missing X-Amz-Target header.", 400)).ConfigureAwait(false);
            return;
        }
        var form = Encoding.UTF8.GetString(body).Split('&').Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p[0] == "Action");
        var action = form is { Length: 2 } ? Uri.UnescapeDataString(form[1].Replace('+', ' ')) : "";
        context.Response.StatusCode = 400;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        var requestId = context.Response.Headers["x-amzn-RequestId"].ToString();
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{(action.Length == 0 ? "MissingAction" : "InvalidAction")}</Code>" +
                  $"<Message>The action {System.Security.SecurityElement.Escape(Clip(action))} is not valid for this web service.</Message></Error></Errors>" +
                  $"<RequestID>{requestId}</RequestID></Response>";
        await context.Response.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonServiceRegistration service, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = service.ContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, JsonServiceRegistration? service, AwsServiceException error)
    {
        if (context.Response.HasStarted) return;
        var body = new JsonObject
        {
            ["__type"] = error.Code,
            [service?.MessageMember ?? "message"] = error.Message,
        };
        foreach (var (key, value) in error.Members ?? []) body[key] = value?.DeepClone();
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = service?.ContentType ?? "application/x-amz-json-1.0";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "...";
}

/// <summary>Who called and how, for CloudTrail and the call log.</summary>
public sealed record CallerContext(string RequestId, string? AccessKeyId, string? UserAgent = null, string? SourceIpAddress = null);
