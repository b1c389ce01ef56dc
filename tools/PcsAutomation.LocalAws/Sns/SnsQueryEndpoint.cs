using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Host;

namespace PcsAutomation.LocalAws.Sns;

/// <summary>
/// SNS's query protocol: a form-encoded <c>POST /</c> with <c>Action</c>, SigV4-signed for "sns"; answers the
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;</c> XML of the 2010-03-31 API, errors as <c>&lt;ErrorResponse&gt;</c>.
/// The form's flattened members (<c>MessageAttributes.entry.1.Name</c>, <c>Attributes.entry.1.key</c>,
/// <c>Tags.member.1.Key</c>) become the structured request <see cref="SnsService.Invoke"/> takes.
/// </summary>
public sealed class SnsQueryEndpoint(LocalAws host, Authenticator authenticator)
{
    public static readonly XNamespace Namespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /// <summary>A form post signed for SNS (an unsigned form post is left to EC2, which answers the auth error).</summary>
    public static bool Accepts(HttpRequest request, byte[]? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (body is null || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
            return false;
        var header = request.Headers.Authorization.ToString();
        return header.Length > 0 && SigV4.Parse(header, out _) is { } credential && credential.Service == SnsService.SigningName;
    }

    public async Task HandleAsync(HttpContext context, JsonServiceRegistration sns, byte[] body, string requestId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sns);
        var action = "";
        try
        {
            var form = Ec2QueryEndpoint.ParseForm(body);
            action = form["Action"]?.GetValue<string>() ?? "";
            if (action.Length == 0) throw new AwsServiceException("MissingAction", "The request must contain the parameter Action.", 400);
            var accessKey = authenticator.Authenticate(context.Request, sns, body);
            var request = Structure(form);
            var result = host.Execute(sns, action, request, new CallerContext(requestId, accessKey,
                context.Request.Headers.UserAgent.ToString(), context.Connection.RemoteIpAddress?.ToString()));
            await WriteAsync(context, 200, Response(action, (JsonObject)result, requestId)).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            if (action.Length > 0 && error.StatusCode is 403)
                host.Calls.Add(new CallRecord(host.Clock.GetUtcNow(), sns.SigningName, action, error.StatusCode, error.Code, requestId));
            // SNS names throttling "Throttled" (ThrottledException, HTTP 429); injected faults use the generic code
            var (code, status) = error.Code == "ThrottlingException" ? ("Throttled", 429) : (error.Code, error.StatusCode);
            if (!context.Response.HasStarted)
                await WriteAsync(context, status, Error(code, error.Message, status >= 500 ? "Receiver" : "Sender", requestId)).ConfigureAwait(false);
        }
    }

    /// <summary>The query form's flat members as the structured request (maps and lists numbered from 1).</summary>
    public static JsonObject Structure(JsonObject form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var request = new JsonObject();
        var attributes = new SortedDictionary<int, JsonObject>();
        var messageAttributes = new SortedDictionary<int, JsonObject>();
        var tags = new SortedDictionary<int, JsonObject>();
        foreach (var (name, node) in form)
        {
            if (name is "Action" or "Version") continue;
            var value = node?.GetValue<string>() ?? "";
            var parts = name.Split('.');
            if (parts.Length >= 4 && parts[1] == "entry" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                var target = parts[0] == "MessageAttributes" ? messageAttributes : attributes;
                if (parts[0] is not ("MessageAttributes" or "Attributes")) { request[name] = value; continue; }
                if (!target.TryGetValue(index, out var entry)) target[index] = entry = [];
                entry[string.Join('.', parts[3..])] = value;
            }
            else if (parts.Length == 4 && parts[0] == "Tags" && parts[1] == "member" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var tagIndex))
            {
                if (!tags.TryGetValue(tagIndex, out var tag)) tags[tagIndex] = tag = [];
                tag[parts[3]] = value;
            }
            else request[name] = value;
        }
        if (attributes.Count > 0)
        {
            var map = new JsonObject();
            foreach (var entry in attributes.Values)
                if (entry["key"]?.GetValue<string>() is { } key) map[key] = entry["value"]?.GetValue<string>() ?? "";
            request["Attributes"] = map;
        }
        if (messageAttributes.Count > 0)
        {
            var map = new JsonObject();
            foreach (var entry in messageAttributes.Values)
            {
                if (entry["Name"]?.GetValue<string>() is not { } key) continue;
                var attribute = new JsonObject();
                foreach (var member in new[] { "DataType", "StringValue", "BinaryValue" })
                    if (entry["Value." + member]?.GetValue<string>() is { } text) attribute[member] = text;
                map[key] = attribute;
            }
            request["MessageAttributes"] = map;
        }
        if (tags.Count > 0) request["Tags"] = new JsonArray(tags.Values.Select(t => (JsonNode)t).ToArray());
        return request;
    }

    public static string Response(string action, JsonObject result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new XElement(Namespace + (action + "Response"));
        if (result.Count > 0) root.Add(new XElement(Namespace + (action + "Result"), result.Select(p => Element(p.Key, p.Value))));
        root.Add(new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
        return Declaration + root.ToString(SaveOptions.DisableFormatting);
    }

    public static string Error(string code, string message, string type, string requestId) =>
        Declaration + new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", type),
                new XElement(Namespace + "Code", Clean(code)),
                new XElement(Namespace + "Message", Clean(message))),
            new XElement(Namespace + "RequestId", requestId)).ToString(SaveOptions.DisableFormatting);

    /// <summary>Structures nest, lists are <c>&lt;member&gt;</c>s, and the string map <c>Attributes</c> is <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;</c>.</summary>
    private static XElement? Element(string name, JsonNode? node) =>
        node switch
        {
            null => null,
            JsonObject o when name == "Attributes" => new XElement(Namespace + name, o.Select(p =>
                new XElement(Namespace + "entry", new XElement(Namespace + "key", Clean(p.Key)), new XElement(Namespace + "value", Clean(p.Value?.ToString() ?? ""))))),
            JsonObject o => new XElement(Namespace + name, o.Select(p => Element(p.Key, p.Value))),
            JsonArray a => new XElement(Namespace + name, a.Select(i => Element("member", i))),
            _ => new XElement(Namespace + name, Clean(node.ToString())),
        };

    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());

    private static async Task WriteAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
    }
}
