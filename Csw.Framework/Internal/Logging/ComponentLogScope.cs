using System.Collections;
using Csw.Params;

namespace Csw.Framework.Internal.Logging;

/// <summary>
/// The scope of a component's log entries: <c>Component</c> (its prefix) and, when logged during a
/// command's handler call, <c>RunId</c>. Formatters that show scopes (the JSON console formatter,
/// <c>IncludeScopes</c>) write them as fields.
/// </summary>
internal sealed class ComponentLogScope(string prefix, Id? runId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The runId of the command whose handler call runs in this async flow; null outside one.</summary>
    private static readonly AsyncLocal<Id?> RunId = new();

    /// <summary>The command being handled in this async flow, if any.</summary>
    public static Id? CurrentRunId => RunId.Value;

    public int Count => runId is null ? 1 : 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Component", prefix),
        1 when runId is not null => new("RunId", runId.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>
    /// Marks the rest of the calling async method as handling <paramref name="command"/>: entries the
    /// handlers log from it carry the runId. Call it in an async method: the mark ends with the method.
    /// </summary>
    public static void Enter(Id command) => RunId.Value = command;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => runId is null ? $"Component:{prefix}" : $"Component:{prefix} RunId:{runId.Value}";
}
