using System.Threading.Channels;
using Csw.Params;

namespace Csw.Command.Internal.Http;

/// <summary>
/// One CurrentState subscription that is in place: the states as they arrive, until it is disposed,
/// which unsubscribes. On the client a broken connection ends it with a
/// <see cref="ConnectionLostException"/>; on the endpoint it is the component's own subscription.
/// </summary>
internal sealed class StateStream(Func<CancellationToken, IAsyncEnumerator<CurrentState>> enumerate, Func<ValueTask> unsubscribe) : IAsyncEnumerable<CurrentState>, IAsyncDisposable
{
    /// <summary>Unsubscribes once.</summary>
    private int _disposed;

    /// <summary>The states written to <paramref name="states"/>, until it completes.</summary>
    public static StateStream Of(ChannelReader<CurrentState> states, Func<ValueTask> unsubscribe) =>
        new(cancellationToken => states.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken), unsubscribe);

    public IAsyncEnumerator<CurrentState> GetAsyncEnumerator(CancellationToken cancellationToken = default) => enumerate(cancellationToken);

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? unsubscribe() : ValueTask.CompletedTask;
}
