namespace PcsAutomation.Cli.Tests.CapacityBlocks;

/// <summary>Reading <c>capacity-blocks list</c>'s text: one paragraph per block.</summary>
internal static class ListText
{
    /// <summary>The lines of the block whose first line starts with <paramref name="id"/>, up to the blank line after it.</summary>
    public static string[] BlockLines(string text, string id)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.True(start >= 0, text);
        return [.. lines.Skip(start).TakeWhile(l => l.Length > 0)];
    }
}
