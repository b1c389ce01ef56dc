namespace PcsAutomation.Domain.Configuration;

/// <summary>
/// A tag (or the environment variable that gives its default) holds an invalid value. <see cref="TagKey"/> names
/// the tag key or the variable; the message says what is wrong with that one value, never the whole tag set.
/// </summary>
public sealed class TagConfigurationException(string tagKey, string message) : Exception(message)
{
    public string TagKey { get; } = tagKey;
}
