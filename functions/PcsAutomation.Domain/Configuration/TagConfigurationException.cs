namespace PcsAutomation.Domain.Configuration;

public sealed class TagConfigurationException(string tagKey, string message) : Exception(message)
{
    public string TagKey { get; } = tagKey;
}
