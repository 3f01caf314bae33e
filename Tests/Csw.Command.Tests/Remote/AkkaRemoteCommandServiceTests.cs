namespace Csw.Command.Tests.Remote;

/// <summary>The command contract suite over Akka.Remote, between two actor systems (the component's location is its actor path).</summary>
public sealed class AkkaRemoteCommandServiceTests() : CommandServiceContractTests(AkkaRemoteComponent.RemoteConfig)
{
    private readonly AkkaRemoteComponent _remote = new();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) => _remote.StartAsync(Sys, Hcd, options);

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
