namespace PcsAutomation.Slurm.Model;

/// <summary>One controller's answer to ping (<c>v0.0.43_controller_ping</c>).</summary>
/// <param name="Latency">How long the ping took (reported in microseconds); null when not reported.</param>
public sealed record SlurmPing(string Hostname, bool Responding, bool Primary, TimeSpan? Latency);
