namespace PcsAutomation.Testing;

/// <summary>Placeholder until the fake Runtime API lands.</summary>
internal static class TestingAssembly;
