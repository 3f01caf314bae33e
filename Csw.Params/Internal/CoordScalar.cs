using System.Text.Json;
using Csw.Params.Coords;

namespace Csw.Params.Internal;

/// <summary>Coordinates of kind <typeparamref name="TCoord"/> (any kind for <see cref="Coord"/>) as values of a coordinate key.</summary>
internal readonly struct CoordScalar<TCoord> : IScalar<TCoord>
    where TCoord : Coord
{
    public static string Expected => typeof(TCoord) == typeof(Coord) ? "a coordinate (an object with a '_type')" : $"a {typeof(TCoord).Name} (an object)";

    public static bool IsComposite => true;

    public static bool TryRead(ref CswReader reader, out TCoord value)
    {
        value = null!;
        if (reader.Token != JsonTokenType.StartObject)
        {
            return false;
        }
        var start = reader.Json.TokenStartIndex;
        var coord = CoordCodec.Read(ref reader);
        value = coord as TCoord
            ?? throw reader.Context.Fail($"expected a {typeof(TCoord).Name}, found a {coord.GetType().Name}", start);
        return true;
    }

    public static void Write(Utf8JsonWriter writer, TCoord value) => CoordCodec.Write(writer, value);
}
