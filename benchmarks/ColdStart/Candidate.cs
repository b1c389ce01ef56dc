namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>One build of the bootstrap and how Lambda would start it.</summary>
/// <param name="Name">"AOT" or "JIT".</param>
/// <param name="FileName">The executable: the AOT <c>bootstrap</c> itself, or <c>dotnet</c>.</param>
/// <param name="Arguments">Arguments, e.g. <c>bootstrap.dll</c> for JIT.</param>
/// <param name="Directory">The published folder (the task root).</param>
public sealed record Candidate(string Name, string FileName, IReadOnlyList<string> Arguments, string Directory);
