namespace PcsAutomation.LocalAws.SlurmRest;

/// <summary>An HTTP request to a cluster's slurmrestd, as the listener (or a test, in process) hands it over.</summary>
/// <param name="Method">GET, POST, DELETE...</param>
/// <param name="Path">The decoded path, e.g. <c>/slurm/v0.0.43/node/compute-1-1</c>.</param>
/// <param name="Headers">Request headers; names compare case-insensitively.</param>
/// <param name="Body">The body text, or null.</param>
public sealed record SlurmRestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body = null)
{
    /// <summary>A request carrying <paramref name="token"/> as <c>Authorization: Bearer</c> (guide L6885-6890).</summary>
    public static SlurmRestRequest WithBearer(string method, string path, string token, string? body = null) =>
        new(method, path, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + token }, body);
}

/// <summary>What slurmrestd answers: status, media type, body; <see cref="CloseConnection"/> when it closes the connection after it.</summary>
public sealed record SlurmRestResponse(int Status, string ContentType, string Body, bool CloseConnection = false)
{
    public const string Json = "application/json";
    public const string Text = "text/plain";
}
