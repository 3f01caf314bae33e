using System.Collections.Concurrent;
using Csw.Command.Internal;

namespace Csw.Command.Tests.Internal;

public sealed class RequestIdsTests
{
    [Fact]
    public void New_ThirtyTwoLowercaseHexDigits()
    {
        var id = RequestIds.New();
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void New_FromManyThreadsAtOnce_NeverTheSameTwice()
    {
        var ids = new ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                ids.Add(RequestIds.New());
            }
        });
        Assert.Equal(80_000, ids.Distinct().Count());
    }

    [Fact]
    public void New_OneProcess_SharesItsRandomHalfAndCountsInTheOther()
    {
        var (first, second) = (RequestIds.New(), RequestIds.New());
        Assert.Equal(first[..16], second[..16]);
        Assert.NotEqual(first[16..], second[16..]);
    }
}
