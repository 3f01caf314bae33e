namespace Csw.Location.Tests.Support;

/// <summary>Finds the CSW location contract samples in the repository's contract/location folder.</summary>
internal static class ContractFiles
{
    public static string LocationDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CswNet.sln")))
            {
                dir = dir.Parent;
            }
            var path = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "contract", "location"));
            return path is not null && Directory.Exists(path)
                ? path
                : throw new InvalidOperationException($"The CSW location contract samples are missing: expected them in contract/location of the repository holding CswNet.sln (above {AppContext.BaseDirectory}).");
        }
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(LocationDirectory, name));
}
