using Csw.Tests.Shared;

namespace Csw.Command.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(ICommandService).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
