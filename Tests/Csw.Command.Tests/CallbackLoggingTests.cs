using Akka.Actor;
using Csw.Framework;
using Csw.Params;
using Csw.Tests.Shared;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Tests;

public sealed class CallbackLoggingTests : ComponentTestKit
{
    [Fact]
    public async Task SubscribeCurrentState_CallbackThrows_LoggedAndStreamGoesOn()
    {
        var logs = new CapturingLoggerFactory();
        var component = Component.Spawn(Sys, new ComponentInfo(ContractHcd.Prefix, ComponentType.HCD), context => new ContractHcd(context, new ContractHcdControl()));
        var service = CommandServiceFactory.Make(component, new CommandServiceOptions { LoggerFactory = logs });
        var seen = CreateTestProbe();
        await using var subscription = service.SubscribeCurrentState(state =>
        {
            var position = state.Get(ContractHcd.Position).Head;
            seen.Ref.Tell(position);
            if (position == 1)
            {
                throw new InvalidOperationException("callback failed on purpose");
            }
        });
        await AwaitAssertAsync(async () =>
        {
            await service.OnewayAsync(new Setup(ContractHcd.Prefix, "move").Add(ContractHcd.Position.Set(1)));
            Assert.Equal(1, await seen.ExpectMsgAsync<int>(TimeSpan.FromMilliseconds(200)));
        });
        await service.OnewayAsync(new Setup(ContractHcd.Prefix, "move").Add(ContractHcd.Position.Set(2)));
        await seen.FishForMessageAsync<int>(position => position == 2);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "callback failed on purpose");
    }
}
