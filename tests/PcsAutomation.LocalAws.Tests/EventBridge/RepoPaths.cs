namespace PcsAutomation.LocalAws.Tests.EventBridge;

/// <summary>Finds the repository root (the folder holding PcsAutomation.sln) and the shared reference folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PcsAutomation.sln not found above " + AppContext.BaseDirectory);
    }
}
