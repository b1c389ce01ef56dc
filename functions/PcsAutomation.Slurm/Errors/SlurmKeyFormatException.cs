namespace PcsAutomation.Slurm.Errors;

/// <summary>The key secret's value is not a base64 key, or is missing; the message names the secret, never its value.</summary>
public sealed class SlurmKeyFormatException : Exception
{
    public SlurmKeyFormatException(string message) : base(message) { }

    public SlurmKeyFormatException() { }

    public SlurmKeyFormatException(string message, Exception innerException) : base(message, innerException) { }
}
