using Ardalis.GuardClauses;
using Csw.Framework;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace SamplePlugin;

/// <summary>
/// An HCD whose checks use a library the host does not have (Ardalis.GuardClauses): <c>check</c>
/// (key <c>target</c>, 0..7) completes with the target and the version of the library that
/// checked it, so a test can see which copy each plugin loaded.
/// </summary>
public sealed class GuardedHcd(CswContext context) : ComponentHandlers(context)
{
    public static readonly Key<int> Target = Keys.Int("target");
    public static readonly Key<string> GuardVersion = Keys.String("guardVersion");

    /// <summary>The version of Ardalis.GuardClauses this plugin runs with.</summary>
    public static string LibraryVersion => typeof(Guard).Assembly.GetName().Version!.ToString();

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Through the host's logging abstractions and actor runtime, which the plugin must share, not load again.
        Context.Logger.LogInformation("{Actor} checks with Ardalis.GuardClauses {Version}", Context.Self.Path, LibraryVersion);
        return Task.CompletedTask;
    }

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command)
    {
        try
        {
            Guard.Against.OutOfRange(command.Get(Target).Head, "target", 0, 7);
            return ValueTask.FromResult<IValidateResponse>(new Accepted(runId));
        }
        catch (ArgumentException e)
        {
            return ValueTask.FromResult<IValidateResponse>(new Invalid(runId, new CommandIssue(CommandIssueKind.ParameterValueOutOfRangeIssue, e.Message)));
        }
    }

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<ISubmitResponse>(new Completed(runId, new Result().Add(Target.Set(command.Get(Target).Head)).Add(GuardVersion.Set(LibraryVersion))));

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
