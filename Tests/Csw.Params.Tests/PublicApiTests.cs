using Csw.Tests.Shared;

namespace Csw.Params.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(Prefix).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
