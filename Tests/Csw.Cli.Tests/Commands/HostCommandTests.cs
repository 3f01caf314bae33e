using Csw.Cli.Commands;
using Csw.Cli.Common;

namespace Csw.Cli.Tests.Commands;

public sealed class HostCommandTests
{
    [Fact]
    public void StartInfo_WithToken_TokenInTheChildsEnvironmentNeverOnItsCommandLine()
    {
        var start = HostCommand.StartInfo("/configs/wfos-hcds.json", ["--bind", "127.0.0.1"], "s3cret-token");

        Assert.DoesNotContain(start.ArgumentList, argument => argument.Contains("s3cret-token", StringComparison.Ordinal));
        Assert.DoesNotContain("--token", start.ArgumentList);
        Assert.Equal("s3cret-token", start.Environment[CliOptions.TokenVariable]);
        Assert.Contains("/configs/wfos-hcds.json", start.ArgumentList);
    }
}
