namespace PcsAutomation.LocalAws.Clock;

/// <summary>One piece of work scheduled on the <see cref="VirtualClock"/>; cancel it to skip it.</summary>
public sealed class ScheduledWork(DateTimeOffset due, string description, Action action)
{
    public DateTimeOffset Due { get; } = due;
    public string Description { get; } = description;
    public bool Cancelled { get; private set; }

    public void Cancel() => Cancelled = true;

    internal void Run()
    {
        if (!Cancelled) action();
    }

    public override string ToString() => $"{Due:O} {Description}";
}
