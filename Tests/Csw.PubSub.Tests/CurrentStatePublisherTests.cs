using Csw.Params;
using Csw.TestKit;

namespace Csw.PubSub.Tests;

public sealed class CurrentStatePublisherTests : ComponentTestKit
{
    private static readonly Prefix Wheel = Prefix.Parse("WFOS.blue.filter");

    [Fact]
    public async Task Subscribe_ByStateName_ReceivesOnlyThatState()
    {
        var publisher = CurrentStatePublisher.Start(Sys);
        var probe = CreateTestProbe();
        publisher.Subscribe(probe.Ref, [new StateName("position")]);
        var position = Keys.Int("position");
        publisher.Publish(new CurrentState(Wheel, "temperature"));
        publisher.Publish(new CurrentState(Wheel, "position").Add(position.Set(3)));
        var state = await probe.ExpectMsgAsync<CurrentState>();
        Assert.Equal("position", state.StateName.Name);
        Assert.Equal(3, state.Get(position).Head);
    }

    [Fact]
    public async Task Subscribe_EmptyNames_ReceivesAllStates()
    {
        var publisher = CurrentStatePublisher.Start(Sys);
        await using var subscription = publisher.Subscribe([]);
        publisher.Publish(new CurrentState(Wheel, "a"));
        publisher.Publish(new CurrentState(Wheel, "b"));
        var names = new List<string>();
        await foreach (var state in subscription)
        {
            names.Add(state.StateName.Name);
            if (names.Count == 2)
            {
                break;
            }
        }
        Assert.Equal(["a", "b"], names);
    }
}
