namespace PcsAutomation.Domain.Rotation;

public static class SecretOwnership
{
    public static string? Problem(string clusterId, string secretArn, IReadOnlyDictionary<string, string> secretTags) => throw new NotImplementedException();
}
