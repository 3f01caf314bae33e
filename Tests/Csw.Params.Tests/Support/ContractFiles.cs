namespace Csw.Params.Tests.Support;

/// <summary>Finds the CSW contract samples in the repository's contract/ folder.</summary>
internal static class ContractFiles
{
    /// <summary>The directory holding CswNet.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CswNet.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is null)
            {
                throw new InvalidOperationException($"No CswNet.sln above {AppContext.BaseDirectory}: cannot locate the repository root.");
            }
            return dir.FullName;
        }
    }

    public static string ParamsDirectory
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "contract", "params"));
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"The CSW contract samples are missing: expected them in {path}.");
            }
            return path;
        }
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(ParamsDirectory, name));
}
