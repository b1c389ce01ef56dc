namespace PcsAutomation.Domain.Configuration;

public sealed record MaintenanceWindow(DayOfWeek StartDay, TimeOnly StartTime, DayOfWeek EndDay, TimeOnly EndTime)
{
    public static MaintenanceWindow Parse(string text, string tagKey) => throw new NotImplementedException();

    public bool IsOpen(DateTimeOffset at) => throw new NotImplementedException();

    public DateTimeOffset? OpenedAt(DateTimeOffset at) => throw new NotImplementedException();

    public DateTimeOffset ClosesAt(DateTimeOffset openedAt) => throw new NotImplementedException();

    public override string ToString() => throw new NotImplementedException();
}
