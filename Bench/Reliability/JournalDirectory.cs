namespace Bench.Reliability;

/// <summary>A temporary directory for the benchmark's SQLite journals, deleted at the end.</summary>
internal sealed class JournalDirectory : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("csw-bench-journal-").FullName;

    private int _files;

    public string NewFile() => Path.Combine(_path, $"journal-{++_files}.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment: the system's temp cleaning takes it.
        }
    }
}
