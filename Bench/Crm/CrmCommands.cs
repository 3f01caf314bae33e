using System.Diagnostics;
using Bench.Harness;
using Csw.Crm;
using Csw.Params;

namespace Bench.Crm;

/// <summary>
/// One operation: a command is Started, a QueryFinal waiter registers, the final response is
/// recorded and reaches the waiter. Operations run in batches of concurrent commands.
/// Baseline: a locked dictionary of TaskCompletionSources doing the same.
/// </summary>
internal static class CrmCommands
{
    public static async Task<double> CrmAsync(int commands, int batch)
    {
        await using var rig = new BenchSystem("crm");
        var system = rig.System;
        var crm = CommandResponseManager.Start(system);
        var ids = Enumerable.Range(0, batch).Select(_ => new Id()).ToArray();
        var waiters = new Task<ISubmitResponse>[batch];
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < commands; done += batch)
        {
            for (var i = 0; i < batch; i++)
            {
                ids[i] = new Id();
                crm.UpdateCommand(new Started(ids[i]));
                waiters[i] = crm.QueryFinalAsync(ids[i]);
            }
            for (var i = 0; i < batch; i++)
            {
                crm.UpdateCommand(new Completed(ids[i]));
            }
            await Task.WhenAll(waiters);
        }
        return commands / watch.Elapsed.TotalSeconds;
    }

    public static async Task<double> DictionaryAsync(int commands, int batch)
    {
        var pending = new Dictionary<Id, TaskCompletionSource<ISubmitResponse>>();
        var ids = new Id[batch];
        var waiters = new Task<ISubmitResponse>[batch];
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < commands; done += batch)
        {
            for (var i = 0; i < batch; i++)
            {
                ids[i] = new Id();
                lock (pending)
                {
                    pending[ids[i]] = new TaskCompletionSource<ISubmitResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                lock (pending)
                {
                    waiters[i] = pending[ids[i]].Task;
                }
            }
            for (var i = 0; i < batch; i++)
            {
                TaskCompletionSource<ISubmitResponse> completion;
                lock (pending)
                {
                    pending.Remove(ids[i], out completion!);
                }
                completion.SetResult(new Completed(ids[i]));
            }
            await Task.WhenAll(waiters);
        }
        return commands / watch.Elapsed.TotalSeconds;
    }
}
