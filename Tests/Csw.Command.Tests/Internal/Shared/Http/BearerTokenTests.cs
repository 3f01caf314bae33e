using Csw.Shared.Http;

namespace Csw.Command.Tests.Internal.Shared.Http;

public sealed class BearerTokenTests
{
    private readonly BearerToken _token = new("s3cret");

    [Theory]
    [InlineData("Bearer s3cret")]
    [InlineData("bearer s3cret")]
    [InlineData("BEARER  s3cret ")]
    public void Check_SchemeInAnyCase_Valid(string header) => Assert.Equal(BearerVerdict.Valid, _token.Check(header));

    [Theory]
    [InlineData("Bearer s3cre")]
    [InlineData("Bearer s3cretX")]
    [InlineData("Bearer S3CRET")]
    [InlineData("Basic s3cret")]
    [InlineData("Bearers3cret")]
    [InlineData("s3cret")]
    public void Check_OtherTokenOrScheme_Wrong(string header) => Assert.Equal(BearerVerdict.Wrong, _token.Check(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_NoHeader_Missing(string? header) => Assert.Equal(BearerVerdict.Missing, _token.Check(header));

    // What is compared in constant time has one length whatever the tokens' lengths, so that a
    // comparison cannot end early on a length mismatch (which would tell the expected length).
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a much longer token than the one configured, of any length at all")]
    public void Digest_AnyToken_ThirtyTwoBytes(string token) => Assert.Equal(32, BearerToken.Digest(token).Length);
}
