using Csw.Params;

namespace Csw.Location.Tests;

public sealed class RegistrationResultTests
{
    private static readonly PekkoLocation Location = new(new PekkoConnection(new ComponentId(Prefix.Parse("TCS.wheel"), ComponentType.HCD)), new Uri("csw://a"));

    [Fact]
    public async Task UnregisterAsync_CalledTwiceAndDisposed_UnregistersOnce()
    {
        var calls = 0;
        var result = new RegistrationResult(Location, _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await result.UnregisterAsync();
        await result.UnregisterAsync();
        await result.DisposeAsync();

        Assert.Equal(1, calls);
        Assert.Equal(Location, result.Location);
    }

    [Fact]
    public async Task UnregisterAsync_UnregistrationFails_EveryCallerSeesTheFailure()
    {
        var result = new RegistrationResult(Location, _ => Task.FromException(new UnregistrationFailedException(Location.Connection)));

        await Assert.ThrowsAsync<UnregistrationFailedException>(() => result.UnregisterAsync());
        await Assert.ThrowsAsync<UnregistrationFailedException>(() => result.UnregisterAsync());
    }
}
