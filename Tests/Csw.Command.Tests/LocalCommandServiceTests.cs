namespace Csw.Command.Tests;

/// <summary>The command contract against a component in this process.</summary>
public sealed class LocalCommandServiceTests : CommandServiceContractTests
{
    /// <inheritdoc />
    protected override Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null) => LocalComponent.StartAsync(Sys, Hcd, options);
}
