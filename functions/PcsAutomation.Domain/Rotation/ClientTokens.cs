namespace PcsAutomation.Domain.Rotation;

public static class ClientTokens
{
    public static string For(string executionArn, string step, string? resource = null) => throw new NotImplementedException();
}
