using Csw.Params;

namespace Csw.Faults.Tests.Support;

/// <summary>The commands of the fault host's HCD.</summary>
internal static class Commands
{
    private static readonly Prefix Client = Prefix.Parse("CSW.faults.client");

    public static Setup Work(int n) => new Setup(Client, "work").Add(Keys.Int("n").Set(n));

    public static Setup Long(int ms) => new Setup(Client, "long").Add(Keys.Int("ms").Set(ms));

    public static Setup Named(string name) => new(Client, name);

    /// <summary>The host's execution counts: (executions, distinct, duplicates).</summary>
    public static async Task<(int Executions, int Distinct, int Duplicates)> StatsAsync(Command.ICommandService service)
    {
        var stats = Assert.IsType<Completed>(await service.SubmitAsync(Named("stats")));
        return (stats.Result.Get(Keys.Int("executions")).Head, stats.Result.Get(Keys.Int("distinct")).Head, stats.Result.Get(Keys.Int("duplicates")).Head);
    }
}
