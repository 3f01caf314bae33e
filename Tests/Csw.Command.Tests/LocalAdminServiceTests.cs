using Csw.Framework;
using Csw.Params;

namespace Csw.Command.Tests;

/// <summary>The admin contract for a component of this process.</summary>
public sealed class LocalAdminServiceTests : AdminServiceContractTests
{
    protected override async Task<(IAdminService Admin, ICommandService Commands)> StartAdminAsync()
    {
        var component = Component.Spawn(Sys, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, Hcd));
        var commands = CommandServiceFactory.Make(component);
        await commands.ValidateAsync(new Setup(ContractHcd.Prefix, "complete"));
        return (AdminServiceFactory.Make(component), commands);
    }
}
