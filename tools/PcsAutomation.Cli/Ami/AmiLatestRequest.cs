namespace PcsAutomation.Cli.Ami;

/// <summary>What <c>ami latest</c> was asked, as typed (validated by <see cref="AmiLatestRunner"/>).</summary>
public sealed record AmiLatestRequest(string Slurm, string Architecture, string Channel, string? Owner, bool Json);
