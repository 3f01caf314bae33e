using System.Text;
using System.Text.Json;
using Csw.Command.Internal.Http;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>The session envelope's optional request id.</summary>
public sealed class SessionFramesTests
{
    [Fact]
    public void Write_RequestWithRequestId_ParsedBackWithIt()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SessionFrames.Write(writer, new Outgoing(7, EnvelopeKind.Request, new Submit(new Setup(Prefix.Parse("WFOS.client"), "move")), "req-7"));
        }
        var envelopes = new List<Envelope>();
        SessionFrames.Parse(stream.ToArray(), envelopes);
        var envelope = Assert.Single(envelopes);
        Assert.Equal(7, envelope.Id);
        Assert.Equal("req-7", envelope.RequestId);
        Assert.Null(envelope.Problem);
    }

    [Fact]
    public void Parse_EnvelopeWithoutRequestId_HasNone()
    {
        var envelopes = new List<Envelope>();
        SessionFrames.Parse("""{"id":1,"request":{"_type":"Query","runId":"r"}}"""u8, envelopes);
        Assert.Null(Assert.Single(envelopes).RequestId);
    }

    [Theory]
    [InlineData("""{"id":2,"requestId":5,"request":{}}""")]
    [InlineData("""{"id":2,"requestId":"","request":{}}""")]
    public void Parse_RequestIdNotANonEmptyString_ProblemOfThatEnvelope(string frame)
    {
        var envelopes = new List<Envelope>();
        SessionFrames.Parse(Encoding.UTF8.GetBytes(frame), envelopes);
        Assert.Contains("requestId", Assert.Single(envelopes).Problem);
    }

    [Fact]
    public void Describe_WaiterLimit_TooManyWaitersAndClientsRaiseItAgain()
    {
        var described = RequestDispatch.Describe(new Crm.WaiterLimitException("1024 callers already wait"))!.Value;
        Assert.Equal("TooManyWaiters", described.Name);
        Assert.Equal(503, described.Status);
        Assert.IsType<Crm.WaiterLimitException>(ErrorBody.ToException(new CommandServiceException(described.Name, described.Message)));
    }
}
