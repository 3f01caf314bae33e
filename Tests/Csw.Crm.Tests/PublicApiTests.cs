using Csw.Tests.Shared;

namespace Csw.Crm.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(CommandResponseManager).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
