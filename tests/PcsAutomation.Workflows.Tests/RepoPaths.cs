namespace PcsAutomation.Workflows.Tests;

/// <summary>Where the repository is, found from the test's own location.</summary>
internal static class RepoPaths
{
    /// <summary>The directory holding <c>PcsAutomation.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The SAM template the emulator loads, as <c>sam deploy</c> would deploy it.</summary>
    public static string Template => Path.Combine(Root, "template.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PcsAutomation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PcsAutomation.sln not found above " + AppContext.BaseDirectory);
    }
}
