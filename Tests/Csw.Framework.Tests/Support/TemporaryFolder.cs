namespace Csw.Framework.Tests.Support;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("csw-test-").FullName;

    /// <summary>Copies the files of <paramref name="source"/> (not its subfolders) into a new subfolder, leaving out <paramref name="except"/>.</summary>
    public string CopyOf(string source, string? except)
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, System.IO.Path.GetFileName(source))).FullName;
        foreach (var file in Directory.GetFiles(source).Where(f => System.IO.Path.GetFileName(f) != except))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A loaded plugin's files stay open until the process ends on some systems; the OS cleans temp.
        }
    }
}
