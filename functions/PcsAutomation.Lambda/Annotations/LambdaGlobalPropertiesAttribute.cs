namespace PcsAutomation.Lambda.Annotations;

/// <summary>
/// What every function of the assembly shares, the template's <c>Globals.Function</c>: named after
/// Amazon.Lambda.Annotations' <c>LambdaGlobalProperties</c>. Ours has no <c>GenerateMain</c> (the bootstrap's
/// <c>Program.cs</c> is hand-written: one runtime loop of our own serves every function) and adds the defaults that
/// <see cref="LambdaFunctionAttribute"/> falls back to.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class LambdaGlobalPropertiesAttribute : Attribute
{
    /// <summary>The runtime every function runs on (the template's <c>Globals.Function.Runtime</c>).</summary>
    public string? Runtime { get; set; }

    /// <summary>Default memory in MB. 0 (not set): Lambda's own default applies.</summary>
    public uint MemorySize { get; set; }

    /// <summary>Default timeout in seconds. 0 (not set): Lambda's own default applies.</summary>
    public uint Timeout { get; set; }

    /// <summary>The environment variables every function gets (their names; values are the template's).</summary>
    public string[]? Environment { get; set; }
}
