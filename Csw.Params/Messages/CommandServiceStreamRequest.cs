using System.Collections.Immutable;

namespace Csw.Params.Messages;

/// <summary>
/// A request on a component's WebSocket command endpoint (<c>/websocket-endpoint</c>), as CSW's
/// <c>CommandServiceStreamRequest</c>.
/// </summary>
public abstract record CommandServiceStreamRequest
{
    private protected CommandServiceStreamRequest()
    {
    }
}

/// <summary>
/// Waits for the final response of the command <paramref name="RunId"/>, for at most <paramref name="Timeout"/>
/// (whole seconds on the wire: <c>{"_type": "QueryFinal", "runId": ..., "timeoutInSeconds": 5}</c>).
/// </summary>
/// <param name="RunId">The command's runId.</param>
/// <param name="Timeout">How long to wait; written truncated to whole seconds.</param>
public sealed record QueryFinal(Id RunId, TimeSpan Timeout) : CommandServiceStreamRequest;

/// <summary>Subscribes to the component's <see cref="CurrentState"/>s with the given names (all when empty).</summary>
public sealed record SubscribeCurrentState : CommandServiceStreamRequest
{
    /// <summary>Subscribes to the states named <paramref name="names"/>, or to all when none are given.</summary>
    public SubscribeCurrentState(params IEnumerable<StateName> names) => Names = [.. names];

    /// <summary>The state names; empty means all.</summary>
    public ImmutableHashSet<StateName> Names { get; init; }

    /// <summary>True when both name the same states.</summary>
    public bool Equals(SubscribeCurrentState? other) => other is not null && Names.SetEquals(other.Names);

    /// <inheritdoc />
    public override int GetHashCode() => Names.Aggregate(0, (hash, name) => hash ^ name.GetHashCode());
}
