using Csw.Cli.Shell;
using Csw.Params;
using Microsoft.Extensions.Time.Testing;

namespace Csw.Cli.Tests.Shell;

public sealed class UnseenStateNamesTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();

    private readonly List<string> _warnings = [];

    private readonly FakeSubscription _all = new();

    [Fact]
    public async Task WatchAsync_NameNeverPublished_WarnsAfterTheDelayListingWhatWas()
    {
        var check = new UnseenStateNames(["postion"]);
        var watching = check.WatchAsync(_all.Subscribe, Delay, _time, _warnings.Add, default);
        _all.Publish("position");
        _all.Publish("moving");
        _time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_warnings);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await watching;
        Assert.Equal(["(Subscribe: no CurrentState 'postion' in 5 s; it published moving, position. Did you mean 'position'?)"], _warnings);
        Assert.True(_all.Disposed);
    }

    [Fact]
    public async Task WatchAsync_NameSeen_NoWarning()
    {
        var check = new UnseenStateNames(["position"]);
        var watching = check.WatchAsync(_all.Subscribe, Delay, _time, _warnings.Add, default);
        _all.Publish("position");
        _time.Advance(Delay);
        await watching;
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task WatchAsync_SeenOnTheNamedSubscription_NoWarning()
    {
        var check = new UnseenStateNames(["position"]);
        var watching = check.WatchAsync(_all.Subscribe, Delay, _time, _warnings.Add, default);
        check.Saw(new StateName("position"));
        _time.Advance(Delay);
        await watching;
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task WatchAsync_NothingPublished_WarnsThatTheComponentMayPublishOnlyOnChange()
    {
        var check = new UnseenStateNames(["postion", "target"]);
        var watching = check.WatchAsync(_all.Subscribe, Delay, _time, _warnings.Add, default);
        _time.Advance(Delay);
        await watching;
        Assert.Equal(["(Subscribe: no CurrentState 'postion', 'target' in 5 s, nor any other: check the names, unless the component publishes only when something changes.)"], _warnings);
    }

    [Fact]
    public async Task WatchAsync_StoppedBeforeTheDelay_NoWarningAndUnsubscribed()
    {
        using var stop = new CancellationTokenSource();
        var check = new UnseenStateNames(["postion"]);
        var watching = check.WatchAsync(_all.Subscribe, Delay, _time, _warnings.Add, stop.Token);
        await stop.CancelAsync();
        await watching;
        _time.Advance(Delay);
        Assert.Empty(_warnings);
        Assert.True(_all.Disposed);
    }

    [Fact]
    public async Task WatchAsync_InfiniteDelay_NeverSubscribes()
    {
        await new UnseenStateNames(["postion"]).WatchAsync(_all.Subscribe, Timeout.InfiniteTimeSpan, _time, _warnings.Add, default);
        Assert.False(_all.Subscribed);
    }

    /// <summary>Stands for a component's subscription to every state: the test publishes through it.</summary>
    private sealed class FakeSubscription : IAsyncDisposable
    {
        private Action<CurrentState>? _onState;

        public bool Subscribed => _onState is not null;

        public bool Disposed { get; private set; }

        public IAsyncDisposable Subscribe(Action<CurrentState> onState)
        {
            _onState = onState;
            return this;
        }

        public void Publish(string name) => _onState!(new CurrentState(Prefix.Parse("WFOS.blue.filter"), new StateName(name)));

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
