using System.IO.Compression;

namespace PcsAutomation.Benchmarks.ColdStart;

/// <summary>The deployment zip as <c>sam deploy</c> uploads it: the build folder's files, deflated.</summary>
public static class Package
{
    /// <summary>Zips every file of <paramref name="directory"/> (flat, as SAM zips ARTIFACTS_DIR) and returns the zip's size.</summary>
    public static long ZipSize(string directory, string zipPath)
    {
        File.Delete(zipPath);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntryFromFile(file, Path.GetRelativePath(directory, file), CompressionLevel.Optimal);
                // keep the execute bit: Lambda runs `bootstrap` straight from the unpacked zip
                entry.ExternalAttributes = (int)(File.GetUnixFileMode(file) & (UnixFileMode)0x1FF) << 16;
            }
        }
        return new FileInfo(zipPath).Length;
    }
}
