namespace PcsAutomation.LocalAws.Host;

/// <summary>The services the emulator serves, by <c>X-Amz-Target</c> prefix.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, JsonServiceRegistration> byPrefix = new(StringComparer.Ordinal);

    public IReadOnlyCollection<JsonServiceRegistration> JsonServices => byPrefix.Values;

    public void Add(JsonServiceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        // query-protocol services (EC2, SNS) have no target prefix: they are told apart by signing name, and the
        // key cannot collide with a real prefix nor be matched by one
        byPrefix[registration.TargetPrefix.Length == 0 ? " query:" + registration.SigningName : registration.TargetPrefix] = registration;
    }

    public JsonServiceRegistration? FindByTarget(string prefix) =>
        prefix.Length == 0 || prefix.StartsWith(' ') ? null : byPrefix.GetValueOrDefault(prefix);

    public JsonServiceRegistration? FindBySigningName(string signingName) =>
        byPrefix.Values.FirstOrDefault(r => r.SigningName == signingName);
}
