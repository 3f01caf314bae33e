using Csw.Tests.Shared;

namespace Csw.Location.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(ILocationService).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
