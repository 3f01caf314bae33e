using Csw.Location;
using Csw.Params;

namespace Csw.Command.Tests.Remote;

/// <summary>The admin contract over Akka.Remote, between two actor systems.</summary>
public sealed class AkkaRemoteAdminServiceTests() : AdminServiceContractTests(AkkaRemoteComponent.RemoteConfig)
{
    private readonly AkkaRemoteComponent _remote = new();

    protected override async Task<(IAdminService Admin, ICommandService Commands)> StartAdminAsync()
    {
        var commands = await _remote.StartAsync(Sys, Hcd, null);
        var location = new PekkoRegistration(Connection.Pekko(new ComponentId(ContractHcd.Prefix, ComponentType.HCD)), ActorUri.For(_remote.Component!, _remote.Server)).ToLocation("127.0.0.1");
        return (AdminServiceFactory.Make(location, system: Sys), commands);
    }

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
