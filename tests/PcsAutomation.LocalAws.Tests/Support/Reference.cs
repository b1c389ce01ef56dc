namespace PcsAutomation.LocalAws.Tests.Support;

/// <summary>Files of ../shared/reference (beside the repository root, never copied into it).</summary>
internal static class Reference
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "reference", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return System.IO.Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException($"shared/reference/{relative} not found above {AppContext.BaseDirectory}");
    }
}
