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

    /// <summary>One pass; true when nothing is left to do now (desired = observed, or the last move failed), false while a move is in flight.</summary>
    public async Task<bool> ReconcileAsync(FilterResource resource, CancellationToken cancellationToken = default)
    {
        if (resource.Processing is { } runId)
        {
            var result = results.GetCommandResult(resource.Wheel, runId);
            if (result is null && results.Knows(resource.Wheel, runId))
            {
                return false; // still processing: come back later
            }
            resource.Processing = null;
            if (result is null)
            {
                // The store forgot it (evicted): moving to a slot is idempotent, so just ask again below.
                resource.ObservedSlot = null;
            }
            else if (result is Completed completed)
            {
                resource.ObservedSlot = completed.Result.Get(FilterWheelHcd.Position).Head;
                resource.LastError = null;
            }
            else
            {
                resource.LastError = result.ToString();
                return true; // failed: done for this pass; the next one tries again (a real controller backs off)
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
