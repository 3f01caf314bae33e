using Csw.Params;

namespace Csw.Command.Internal.Http;

/// <summary>
/// What a command endpoint serves: a component's <see cref="ICommandService"/>, and CurrentState
/// subscriptions that are in place when the task completes (so that a session can promise that a
/// command sent after a subscription sees it). This is the endpoint's only way to its component.
/// </summary>
/// <param name="Commands">Validate, Submit, Oneway, Query and QueryFinal.</param>
/// <param name="SubscribeAsync">Subscribes to the named states (all when null); disposing the result unsubscribes.</param>
/// <param name="Admin">Lifecycle, locking and log level: CSW's GoOnline, GoOffline and modes, and the admin route.</param>
internal sealed record EndpointTarget(ICommandService Commands, Func<IReadOnlyList<StateName>?, CancellationToken, Task<StateStream>> SubscribeAsync, IAdminService Admin);
