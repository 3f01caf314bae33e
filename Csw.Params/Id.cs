namespace Csw.Params;

/// <summary>
/// A unique identifier, used as the runId of a command: <c>new Id()</c> is a new random UUID,
/// <c>new Id("...")</c> any given text. A bare string on the wire.
/// </summary>
public sealed record Id
{
    /// <summary>A new identifier holding a random UUID.</summary>
    public Id() => Value = Guid.NewGuid().ToString();

    /// <summary>An identifier with the given text.</summary>
    public Id(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The identifier's text.</summary>
    public string Value { get; }

    /// <summary>The identifier's text.</summary>
    public override string ToString() => Value;
}
