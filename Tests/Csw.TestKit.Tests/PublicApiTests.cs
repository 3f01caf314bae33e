using Csw.Tests.Shared;

namespace Csw.TestKit.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(Csw.TestKit.ComponentTestKit).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
