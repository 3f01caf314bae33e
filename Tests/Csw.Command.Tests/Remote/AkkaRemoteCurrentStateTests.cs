namespace Csw.Command.Tests.Remote;

/// <summary>The CurrentState contract suite over Akka.Remote, between two actor systems.</summary>
public sealed class AkkaRemoteCurrentStateTests() : CurrentStateContractTests(AkkaRemoteComponent.RemoteConfig)
{
    private readonly AkkaRemoteComponent _remote = new();

    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) => _remote.StartAsync(Sys, Hcd, options);

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
