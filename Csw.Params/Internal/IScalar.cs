using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// How to read and write one JSON value of type <typeparamref name="T"/>. Implemented by structs, so that
/// the generic array loops are compiled once per type with these calls inlined.
/// </summary>
internal interface IScalar<T>
{
    /// <summary>What a value looks like, for error messages: "a 32-bit integer".</summary>
    static abstract string Expected { get; }

    /// <summary>True when reading descends into nested values (which then need the path to be current).</summary>
    static abstract bool IsComposite { get; }

    /// <summary>On the value's first token: reads it, or returns false when the token is of the wrong kind.</summary>
    static abstract bool TryRead(ref CswReader reader, out T value);

    static abstract void Write(Utf8JsonWriter writer, T value);
}
