using Csw.Framework;
using Csw.Params;

namespace Csw.Command.Tests;

/// <summary>The command contract against a component in this process.</summary>
public sealed class LocalCommandServiceTests : CommandServiceContractTests
{
    /// <inheritdoc />
    protected override async Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null)
    {
        var component = Component.Spawn(System, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, Hcd));
        var service = CommandServiceFactory.Make(component, options);
        // Commands wait while the component initializes; this makes tests start from Running.
        await service.ValidateAsync(new Setup(ContractHcd.Prefix, "complete"));
        return service;
    }
}
