namespace Csw.Command.Tests.Remote;

/// <summary>The command contract suite through a real endpoint, over CswNet's session protocol.</summary>
public sealed class SessionCommandServiceTests : CommandServiceContractTests
{
    private readonly RemoteComponent _remote = new();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) =>
        _remote.StartAsync(Sys, Hcd, options, RemoteComponent.Protocol.Session);

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
