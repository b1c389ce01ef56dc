using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PcsAutomation.LocalAws.Host;

namespace PcsAutomation.LocalAws.Ec2;

/// <summary>
/// The HTTP side of EC2's query protocol: a form-encoded <c>POST /</c> with <c>Action</c> and <c>Version</c>,
/// SigV4-signed for "ec2"; answers XML, errors as EC2's <c>&lt;Response&gt;&lt;Errors&gt;</c> document.
/// </summary>
public sealed class Ec2QueryEndpoint(LocalAws host, Authenticator authenticator)
{
    /// <summary>A form post that is unsigned or signed for EC2 (other query services are not served).</summary>
    public static bool Accepts(HttpRequest request, byte[]? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (body is null || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
            return false;
        var header = request.Headers.Authorization.ToString();
        return header.Length == 0 || SigV4.Parse(header, out _) is not { } credential || credential.Service == Ec2Service.SigningName;
    }

    public async Task HandleAsync(HttpContext context, JsonServiceRegistration ec2, byte[] body, string requestId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ec2);
        var action = "";
        try
        {
            var parameters = ParseForm(body);
            action = parameters["Action"]?.GetValue<string>() ?? "";
            if (action.Length == 0) throw Ec2Errors.Error("MissingAction", "The request must contain the parameter Action");
            var accessKey = authenticator.Authenticate(context.Request, ec2, body);
            parameters.Remove("Action");
            parameters.Remove("Version");
            var result = host.Execute(ec2, action, parameters, new CallerContext(requestId, accessKey,
                context.Request.Headers.UserAgent.ToString(), context.Connection.RemoteIpAddress?.ToString()));
            await WriteAsync(context, 200, Ec2Xml.Response(action, (JsonObject)result, requestId)).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            if (action.Length > 0 && error.StatusCode is 403)
                host.Calls.Add(new CallRecord(host.Clock.GetUtcNow(), ec2.SigningName, action, error.StatusCode, error.Code, requestId));
            // EC2 names throttling RequestLimitExceeded (injected faults use the generic code)
            var code = error.Code == "ThrottlingException" ? "RequestLimitExceeded" : error.Code;
            if (!context.Response.HasStarted)
                await WriteAsync(context, error.StatusCode, Ec2Xml.Error(code, error.Message, requestId)).ConfigureAwait(false);
        }
    }

    /// <summary>Decodes <c>a=1&amp;b=x+y</c>; a repeated name keeps its last value.</summary>
    public static JsonObject ParseForm(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parameters = new JsonObject();
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Decode(parts[0]);
            if (name.Length > 0) parameters[name] = parts.Length == 2 ? Decode(parts[1]) : "";
        }
        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static async Task WriteAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
    }
}
