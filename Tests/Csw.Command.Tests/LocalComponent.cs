using Akka.Actor;
using Csw.Framework;
using Csw.Params;

namespace Csw.Command.Tests;

/// <summary>Starts the contract suites' component in this process and gives its local command service.</summary>
internal static class LocalComponent
{
    public static async Task<ICommandService> StartAsync(ActorSystem system, ContractHcdControl control, CommandServiceOptions? options)
    {
        var component = Component.Spawn(system, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, control));
        var service = CommandServiceFactory.Make(component, options);
        // Commands wait while the component initializes; this makes tests start from Running.
        await service.ValidateAsync(new Setup(ContractHcd.Prefix, "complete"));
        return service;
    }
}
