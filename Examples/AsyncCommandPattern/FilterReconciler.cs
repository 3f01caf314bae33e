using Csw.Command;
using Csw.Params;
using Examples.SampleHcd;

namespace Examples.AsyncCommandPattern;

/// <summary>
/// The async command pattern, shaped like a Kubernetes-style reconcile loop: each pass looks at the
/// resource, and either starts a move (submit, get <see cref="Started"/> = acknowledged, mark the
/// resource as processing, return), or checks the store for the move's result without waiting.
/// A pass never blocks on the hardware; results reach the store when they become final.
/// </summary>
public sealed class FilterReconciler(ICommandService wheel, CommandResultStore results)
{
    private static readonly Prefix Controller = Prefix.Parse("WFOS.controller");

    /// <summary>One pass; true when the resource is settled (nothing in flight, desired = observed).</summary>
    public async Task<bool> ReconcileAsync(FilterResource resource, CancellationToken cancellationToken = default)
    {
        if (resource.Processing is { } runId)
        {
            var result = results.GetCommandResult(resource.Wheel, runId);
            if (result is null)
            {
                return false; // still processing: come back later
            }
            resource.Processing = null;
            if (result is Completed completed)
            {
                resource.ObservedSlot = completed.Result.Get(FilterWheelHcd.Position).Head;
                resource.LastError = null;
            }
            else
            {
                resource.LastError = result.ToString();
                return true; // failed: settled until someone changes the desired slot
            }
        }
        if (resource.ObservedSlot == resource.DesiredSlot)
        {
            return true;
        }
        var move = new Setup(Controller, "move").Add(FilterWheelHcd.Target.Set(resource.DesiredSlot));
        var acknowledgement = await wheel.SubmitAsync(move, cancellationToken);
        results.Track(resource.Wheel, wheel, acknowledgement);
        resource.Processing = acknowledgement.RunId;
        return false;
    }
}
