namespace PcsAutomation.Template.Tests;

/// <summary>Where the repository and the shared reference data are, found from the test's own location.</summary>
public static class RepoPaths
{
    /// <summary>The directory holding <c>PcsAutomation.sln</c>, searched upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>&lt;root&gt;/../shared</c>: reference models and schemas live beside the repo, never in it.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The SAM template at the repo root.</summary>
    public static string Template => Path.Combine(Root, "template.yaml");

    /// <summary>The SAM JSON schema (draft-04) from the shared reference folder.</summary>
    public static string SamSchema => Path.Combine(Shared, "reference", "sam", "sam.schema.json");

    /// <summary>A file under this project's <c>Fixtures</c> folder, copied next to the test binaries.</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

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
