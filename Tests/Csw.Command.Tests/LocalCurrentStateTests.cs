namespace Csw.Command.Tests;

/// <summary>The CurrentState contract against a component in this process.</summary>
public sealed class LocalCurrentStateTests : CurrentStateContractTests
{
    /// <inheritdoc />
    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) => LocalComponent.StartAsync(Sys, Hcd, options);
}
