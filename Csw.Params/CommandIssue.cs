namespace Csw.Params;

/// <summary>
/// Why a command is <see cref="Invalid"/>: a kind and a reason, e.g.
/// <c>new CommandIssue(CommandIssueKind.MissingKeyIssue, "no 'repeat'")</c>. On the wire
/// <c>{"_type": "MissingKeyIssue", "reason": "no 'repeat'"}</c>.
/// </summary>
/// <param name="Kind">What kind of issue it is.</param>
/// <param name="Reason">A human-readable explanation.</param>
public sealed record CommandIssue(CommandIssueKind Kind, string Reason)
{
    /// <summary>A human-readable explanation.</summary>
    public string Reason { get; init; } = Reason ?? throw new ArgumentNullException(nameof(Reason));

    /// <summary>For example <c>MissingKeyIssue(no 'repeat')</c>.</summary>
    public override string ToString() => $"{Kind}({Reason})";
}
