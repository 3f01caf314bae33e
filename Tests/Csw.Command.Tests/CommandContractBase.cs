using Csw.Params;
using Csw.TestKit;

namespace Csw.Command.Tests;

/// <summary>
/// What the command contract suites share: the test component's controls, how a suite starts it,
/// and the commands and states the tests use. The suites use nothing but <see cref="ICommandService"/>
/// (and the test component's own controls), so the HTTP/WebSocket client can run them unchanged.
/// </summary>
public abstract class CommandContractBase(string? config = null) : ComponentTestKit(config: config), IAsyncLifetime
{
    protected static readonly Prefix Client = Prefix.Parse("WFOS.client");
    protected static readonly StateName PositionState = new("position");
    protected static readonly StateName FlagState = new("flag");

    /// <summary>Steers and observes the component (gates for long and stalled commands, the commands it ran).</summary>
    protected ContractHcdControl Hcd { get; } = new();

    /// <summary>A command service for a running <see cref="ContractHcd"/> using <see cref="Hcd"/>.</summary>
    /// <param name="options">The service's options; the defaults when null.</param>
    protected abstract Task<ICommandService> StartComponentAsync(CommandServiceOptions? options = null);

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        Hcd.Release.TrySetResult();
        Hcd.Unstall.TrySetResult();
        return Task.CompletedTask;
    }

    protected static Setup Command(string name) => new(Client, name);

    protected static Setup Move(int position) => new Setup(Client, "move").Add(ContractHcd.Position.Set(position));

    protected static DemandState PositionDemand(int position, Units? units = null) =>
        new DemandState(ContractHcd.Prefix, PositionState).Add(units is null ? ContractHcd.Position.Set(position) : ContractHcd.Position.Set(position).WithUnits(units));

    /// <summary>
    /// Reads the first state of a stream whose subscription is made asynchronously: sends
    /// <paramref name="first"/>, then <paramref name="again"/> repeatedly, until a state arrives.
    /// </summary>
    protected async Task ReadFirstAsync(ICommandService service, IAsyncEnumerator<CurrentState> states, ControlCommand first, ControlCommand again, CancellationToken cancellationToken)
    {
        var next = states.MoveNextAsync().AsTask();
        await service.OnewayAsync(first, cancellationToken);
        await AwaitAssertAsync(async () =>
        {
            if (!next.IsCompleted)
            {
                await service.OnewayAsync(again, cancellationToken);
            }
            Assert.True(next.IsCompleted);
        });
        Assert.True(await next);
    }
}
