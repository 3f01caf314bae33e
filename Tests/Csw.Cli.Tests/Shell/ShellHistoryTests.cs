using Csw.Cli.Shell;

namespace Csw.Cli.Tests.Shell;

public sealed class ShellHistoryTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"shell-history-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Add_BlankOrRepeated_NotRemembered()
    {
        var history = new ShellHistory(file: null);
        history.Add("var x = 1;");
        history.Add("var x = 1;");
        history.Add("   ");
        history.Add("x");
        Assert.Equal(2, history.Count);
        Assert.Equal("x", history[1]);
    }

    [Fact]
    public void New_FileFromEarlierSession_LinesRecalled()
    {
        var earlier = new ShellHistory(_file);
        earlier.Add("await StartSamples();");
        earlier.Add("await Locations();");
        var later = new ShellHistory(_file);
        Assert.Equal(2, later.Count);
        Assert.Equal("await Locations();", later[1]);
    }

    [Fact]
    public void New_LongFile_KeepsTheLastLimitLines()
    {
        File.WriteAllLines(_file, Enumerable.Range(0, ShellHistory.Limit + 5).Select(i => $"line {i}"));
        var history = new ShellHistory(_file);
        Assert.Equal(ShellHistory.Limit, history.Count);
        Assert.Equal("line 5", history[0]);
    }
}
