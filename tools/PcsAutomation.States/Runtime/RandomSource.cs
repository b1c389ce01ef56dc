namespace PcsAutomation.States.Runtime;

/// <summary>
/// The engine's only source of randomness (retry jitter, States.MathRandom, States.UUID, task tokens). Inject a seeded
/// <see cref="Random"/> to make runs reproducible; the lock makes it safe for parallel branches.
/// </summary>
public sealed class RandomSource(Random random)
{
    private readonly Lock gate = new();

    public double NextDouble()
    {
        lock (gate)
            return random.NextDouble();
    }

    public long NextInt64(long minInclusive, long maxExclusive)
    {
        lock (gate)
            return random.NextInt64(minInclusive, maxExclusive);
    }

    public Guid NextGuid()
    {
        var bytes = new byte[16];
        lock (gate)
            random.NextBytes(bytes);
        // RFC 4122 version 4, variant 1: what States.UUID returns.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
