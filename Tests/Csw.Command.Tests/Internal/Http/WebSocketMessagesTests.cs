using System.Text;
using Csw.Command.Internal.Http;

namespace Csw.Command.Tests.Internal.Http;

public sealed class WebSocketMessagesTests
{
    [Theory]
    [InlineData(200, 'x')]
    [InlineData(119, '\u00e9')]
    [InlineData(60, '\u6f22')]
    public void CloseReason_LongReasonInAnyScript_AtMost123BytesOfUtf8(int length, char character)
    {
        var reason = WebSocketMessages.CloseReason("Not QueryFinal: " + new string(character, length));
        Assert.InRange(Encoding.UTF8.GetByteCount(reason), 1, 123);
        Assert.EndsWith("...", reason);
    }

    [Fact]
    public void CloseReason_CutBetweenASurrogatePair_KeepsNoHalf()
    {
        var reason = WebSocketMessages.CloseReason(new string('a', 118) + string.Concat(Enumerable.Repeat("\ud83d\ude00", 10)));
        Assert.False(reason.Any(char.IsSurrogate) && reason.Count(char.IsSurrogate) % 2 == 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(reason), 1, 123);
    }

    [Fact]
    public void CloseReason_Short_Unchanged() => Assert.Equal("Bye.", WebSocketMessages.CloseReason("Bye."));
}
