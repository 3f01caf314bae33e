using System.Threading.Channels;
using Csw.Params;

namespace Csw.Command.Internal.Http;

/// <summary>
/// One remote CurrentState subscription: the states as they arrive, ending with a
/// <see cref="ConnectionLostException"/> when the connection breaks. Disposing it unsubscribes.
/// </summary>
internal sealed class StateStream(ChannelReader<CurrentState> states, Func<ValueTask> unsubscribe) : IAsyncEnumerable<CurrentState>, IAsyncDisposable
{
    /// <summary>Unsubscribes once.</summary>
    private int _disposed;

    public IAsyncEnumerator<CurrentState> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        states.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? unsubscribe() : ValueTask.CompletedTask;
}
