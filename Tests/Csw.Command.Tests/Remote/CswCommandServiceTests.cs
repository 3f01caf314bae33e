namespace Csw.Command.Tests.Remote;

/// <summary>The command contract suite through a real endpoint, over CSW's per-request protocol.</summary>
public sealed class CswCommandServiceTests : CommandServiceContractTests
{
    private readonly RemoteComponent _remote = new();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) =>
        _remote.StartAsync(Sys, Hcd, options, RemoteComponent.Protocol.Csw);

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
