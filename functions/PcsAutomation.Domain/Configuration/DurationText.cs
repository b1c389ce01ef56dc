namespace PcsAutomation.Domain.Configuration;

public static class DurationText
{
    public static TimeSpan Parse(string text, string tagKey) => throw new NotImplementedException();
}
