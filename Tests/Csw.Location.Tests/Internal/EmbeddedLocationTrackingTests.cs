namespace Csw.Location.Tests.Internal;

/// <summary>The tracking contract against the embedded backend.</summary>
public sealed class EmbeddedLocationTrackingTests : LocationTrackingContractTests
{
    protected override Task<ILocationService> CreateServiceAsync() => Task.FromResult(LocationServiceFactory.CreateEmbedded());
}
