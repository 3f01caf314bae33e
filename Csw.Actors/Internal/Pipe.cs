using Microsoft.Extensions.Logging;

namespace Csw.Actors.Internal;

/// <summary>PipeToSelf's work, off the actor: await the task, map its outcome to a message, tell the actor.</summary>
internal static class Pipe
{
    public static async Task ToAsync<TResult, T>(ActorCell<T> self, Task<TResult> task, Func<TResult, T> onSuccess, Func<Exception, T> onFailure)
    {
        T message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = onSuccess(result);
        }
        catch (Exception e)
        {
            try
            {
                message = onFailure(e);
            }
            catch (Exception mapFailure)
            {
                self.Log.LogError(mapFailure, "{Path}: the failure mapping given to PipeToSelf threw; no message was sent", self.Path);
                return;
            }
        }
        self.Tell(message);
    }
}
