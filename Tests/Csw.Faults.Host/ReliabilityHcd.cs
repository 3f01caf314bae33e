using Akka.Actor;
using System.Collections.Concurrent;
using Csw.Command;
using Csw.Framework;
using Csw.Params;

namespace Csw.Faults.Host;

/// <summary>
/// The fault suite's HCD. <c>work</c> (parameter <c>n</c>) counts one execution of n; odd n answer
/// Started and complete a moment later, even n complete at once. <c>long</c> (parameter <c>ms</c>)
/// answers Started and completes after ms. <c>stats</c> completes with the counts: <c>executions</c>,
/// <c>distinct</c>, <c>duplicates</c> (n run more than once). <c>restart</c> restarts the component.
/// The counts live beside the handlers instances, so a restart keeps them.
/// </summary>
internal sealed class ReliabilityHcd(CswContext context) : ComponentHandlers(context)
{
    public static readonly Prefix Prefix = Prefix.Parse("CSW.faults.hcd");
    public static readonly Key<int> N = Keys.Int("n");
    public static readonly Key<int> Ms = Keys.Int("ms");

    private static readonly ConcurrentDictionary<int, int> Executions = new();

    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        switch (command.CommandName.Name)
        {
            case "work":
                var n = command.Get(N).Head;
                Executions.AddOrUpdate(n, 1, (_, count) => count + 1);
                if (n % 2 == 0)
                {
                    return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
                }
                _ = Task.Run(() => Context.CommandResponseManager.UpdateCommand(new Completed(runId)));
                return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
            case "long":
                var crm = Context.CommandResponseManager;
                _ = Task.Delay(command.Get(Ms).Head).ContinueWith(_ => crm.UpdateCommand(new Completed(runId)), TaskScheduler.Default);
                return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
            case "stats":
                var counts = Executions.Values.ToList();
                return ValueTask.FromResult<ISubmitResponse>(new Completed(runId, new Result()
                    .Add(Keys.Int("executions").Set(counts.Sum()))
                    .Add(Keys.Int("distinct").Set(counts.Count))
                    .Add(Keys.Int("duplicates").Set(counts.Count(c => c > 1)))));
            case "restart":
                Context.Self.Tell(new SupervisorMessage.Restart());
                return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
            default:
                return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
