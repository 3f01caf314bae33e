using Csw.Tests.Shared;

namespace Csw.Framework.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(ComponentHandlers).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
