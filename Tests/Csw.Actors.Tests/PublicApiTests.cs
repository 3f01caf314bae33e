using Csw.Tests.Shared;

namespace Csw.Actors.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_ComparedWithApprovedFile_IsUnchanged() =>
        PublicApi.Verify(typeof(Csw.Actors.ActorSystem).Assembly, Path.Combine(PublicApi.SourceFolder(), "PublicApi.approved.txt"));
}
