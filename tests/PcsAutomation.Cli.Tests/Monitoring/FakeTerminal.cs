using System.Text;

namespace PcsAutomation.Cli.Tests.Monitoring;

/// <summary>
/// What a terminal shows after a stream of text: line feeds, carriage returns, CSI n A (cursor up), CSI 0 J / CSI J
/// (erase to the end of the screen); SGR (colours, CSI … m) and other CSI sequences change nothing shown. Scrollback is
/// kept, so the result is every line the reader can still see, top to bottom.
/// </summary>
internal static class FakeTerminal
{
    public static IReadOnlyList<string> Screen(string stream)
    {
        var lines = new List<StringBuilder> { new() };
        int row = 0, col = 0;
        for (var i = 0; i < stream.Length; i++)
        {
            var c = stream[i];
            if (c == '\u001b' && i + 1 < stream.Length && stream[i + 1] == '[')
            {
                var end = i + 2;
                while (end < stream.Length && !char.IsAsciiLetter(stream[end])) end++;
                var parameters = stream[(i + 2)..end];
                var command = end < stream.Length ? stream[end] : ' ';
                i = end;
                if (command == 'A') row = Math.Max(0, row - (int.TryParse(parameters, out var n) ? n : 1));
                else if (command == 'J' && parameters is "" or "0")
                {
                    lines[row].Length = Math.Min(lines[row].Length, col);
                    lines.RemoveRange(row + 1, lines.Count - row - 1);
                }

                continue;
            }

            switch (c)
            {
                case '\n':
                    row++;
                    col = 0;
                    if (row == lines.Count) lines.Add(new StringBuilder());
                    break;
                case '\r':
                    col = 0;
                    break;
                default:
                    var line = lines[row];
                    if (col < line.Length) line[col] = c;
                    else line.Append(c);
                    col++;
                    break;
            }
        }

        return [.. lines.Select(l => l.ToString().TrimEnd()).Where(l => l.Length > 0)];
    }
}
