namespace PcsAutomation.States.Runtime;

/// <summary>Settings of a <see cref="StatesEngine"/>, validated once at construction.</summary>
public sealed record StatesEngineOptions
{
    /// <summary>Region used in execution ARNs and task events. Default <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account used in ARNs. Default <c>123456789012</c>.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Randomness for jitter, States.MathRandom, States.UUID and task tokens. Default: seeded with 0, reproducible.</summary>
    public RandomSource Random { get; init; } = new(new Random(0));

    /// <summary>The payload limit of Step Functions: 256 KiB (262,144 bytes) of UTF-8 JSON. Default 262144.</summary>
    public int MaxPayloadBytes { get; init; } = 262_144;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Region))
            throw new ArgumentException("StatesEngineOptions.Region must not be empty", nameof(Region));
        if (AccountId.Length != 12 || !AccountId.All(char.IsAsciiDigit))
            throw new ArgumentException("StatesEngineOptions.AccountId must be 12 digits", nameof(AccountId));
        if (MaxPayloadBytes <= 0)
            throw new ArgumentException("StatesEngineOptions.MaxPayloadBytes must be positive", nameof(MaxPayloadBytes));
    }
}
