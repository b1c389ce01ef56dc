namespace PcsAutomation.States;

/// <summary>Placeholder until the interpreter lands.</summary>
internal static class StatesAssembly;
