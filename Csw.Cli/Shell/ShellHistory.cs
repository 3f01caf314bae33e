namespace Csw.Cli.Shell;

/// <summary>
/// The lines typed at the console, oldest first, for Up/Down recall; kept in a file across
/// sessions (<c>~/.csw_shell_history</c>, the last <see cref="Limit"/> lines).
/// </summary>
internal sealed class ShellHistory
{
    /// <summary>How many lines are read back from the file.</summary>
    public const int Limit = 1000;

    private readonly List<string> _lines = [];

    /// <summary>The history file, or null to keep the history in memory only.</summary>
    private readonly string? _file;

    public ShellHistory(string? file)
    {
        _file = file;
        if (file is null || !File.Exists(file))
        {
            return;
        }
        try
        {
            _lines.AddRange(File.ReadLines(file).Where(line => line.Length > 0).TakeLast(Limit));
        }
        catch (IOException)
        {
            // An unreadable history is not worth failing the shell for; it starts empty.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The file in the user's home folder.</summary>
    public static string DefaultFile => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".csw_shell_history");

    public int Count => _lines.Count;

    public string this[int index] => _lines[index];

    /// <summary>Remembers a line, unless it is blank or repeats the one before.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_lines.Count > 0 && _lines[^1] == line))
        {
            return;
        }
        _lines.Add(line);
        if (_file is null)
        {
            return;
        }
        try
        {
            File.AppendAllLines(_file, [line]);
        }
        catch (IOException)
        {
            // As above: the session goes on with its in-memory history.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
