using Csw.Params;

namespace Csw.Command.Tests.Remote;

/// <summary>The admin contract through a real endpoint's admin route.</summary>
public sealed class HttpAdminServiceTests : AdminServiceContractTests
{
    private readonly RemoteComponent _remote = new();

    protected override async Task<(IAdminService Admin, ICommandService Commands)> StartAdminAsync()
    {
        var commands = await _remote.StartAsync(Sys, Hcd, null, RemoteComponent.Protocol.Session);
        var location = _remote.Endpoint!.RegistrationFor(new ComponentId(ContractHcd.Prefix, ComponentType.HCD)).ToLocation("127.0.0.1");
        var admin = AdminServiceFactory.Make(location);
        _remote.Own((IAsyncDisposable)admin);
        return (admin, commands);
    }

    public override async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await base.DisposeAsync();
    }
}
