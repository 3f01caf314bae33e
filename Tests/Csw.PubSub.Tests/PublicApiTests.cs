using Csw.Tests.Shared;

namespace Csw.PubSub.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(CurrentStatePublisher).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
