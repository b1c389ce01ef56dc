namespace PcsAutomation.LocalAws.Clock;

/// <summary>
/// The wall clock mode's rule, one step at a time (<see cref="WallClockDriver"/> steps it on every tick): virtual time
/// moves by the real time since the last step times the speed, unless <c>hold</c> says work is running that the clock
/// must not overtake. The emulator holds it while a Lambda invocation is awake (not asleep on the virtual clock), the
/// rule the virtual mode follows too (<see cref="LocalAws.SettleAsync"/>): a function's own work takes no virtual time.
/// Lambda measures a function's timeout in real time, and the real work of a handler on this machine is about what it
/// is in AWS; compressing it by the speed factor would turn a 30 s timeout into 50 ms of real work at speed 600.
/// Real time spent held is not made up afterwards, so virtual time runs at most at the speed factor.
/// </summary>
public sealed class WallClockPace
{
    private readonly VirtualClock clock;
    private readonly TimeProvider realTime;
    private readonly double speed;
    private readonly Func<bool> hold;
    private long last;

    /// <param name="clock">The virtual clock to move.</param>
    /// <param name="realTime">The real time source (only a Program passes <see cref="TimeProvider.System"/>).</param>
    /// <param name="speed">Virtual seconds per real second; positive.</param>
    /// <param name="hold">True while time must stand still.</param>
    public WallClockPace(VirtualClock clock, TimeProvider realTime, double speed, Func<bool> hold)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(realTime);
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        this.clock = clock;
        this.realTime = realTime;
        this.speed = speed;
        this.hold = hold;
        last = realTime.GetTimestamp();
    }

    /// <summary>Moves the clock by the real time since the last step times the speed, unless held. Returns whether it moved.</summary>
    public bool Step()
    {
        var now = realTime.GetTimestamp();
        var elapsed = realTime.GetElapsedTime(last, now);
        last = now;
        return clock.AdvanceUnless(hold, TimeSpan.FromTicks((long)(elapsed.Ticks * speed)));
    }
}
