namespace PcsAutomation.LocalAws.Host;

/// <summary>The services the emulator serves, by <c>X-Amz-Target</c> prefix.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, JsonServiceRegistration> byPrefix = new(StringComparer.Ordinal);

    public IReadOnlyCollection<JsonServiceRegistration> JsonServices => byPrefix.Values;

    public void Add(JsonServiceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        byPrefix[registration.TargetPrefix] = registration;
    }

    public JsonServiceRegistration? FindByTarget(string prefix) => byPrefix.GetValueOrDefault(prefix);

    public JsonServiceRegistration? FindBySigningName(string signingName) =>
        byPrefix.Values.FirstOrDefault(r => r.SigningName == signingName);
}
