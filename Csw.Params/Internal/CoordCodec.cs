using System.Text.Json;
using Csw.Params.Coords;

namespace Csw.Params.Internal;

/// <summary>Coordinates: <c>{"_type": "EqCoord", "tag": "BASE", "ra": 659912250000, ...}</c>, angles in microarcseconds.</summary>
internal static class CoordCodec
{
    private enum Kind { EqCoord, SolarSystemCoord, MinorPlanetCoord, CometCoord, AltAzCoord }

    private static readonly EnumTable<Kind> Kinds = new();

    private static readonly string[] FieldNames =
    [
        "tag", "ra", "dec", "frame", "catalogName", "pm", "body", "epoch", "inclination", "longAscendingNode",
        "argOfPerihelion", "meanDistance", "eccentricity", "meanAnomaly", "epochOfPerihelion", "perihelionDistance", "alt", "az",
    ];

    private static readonly byte[][] FieldUtf8 = [.. FieldNames.Select(System.Text.Encoding.UTF8.GetBytes)];
    private static readonly JsonEncodedText[] Encoded = [.. FieldNames.Select(n => JsonEncodedText.Encode(n))];

    // Bit i stands for FieldNames[i].
    private static readonly int[] FieldsOf =
    [
        0b11_1111, // EqCoord: tag ra dec frame catalogName pm
        0b100_0001, // SolarSystemCoord: tag body
        (1 << 0) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13),
        (1 << 0) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 12) | (1 << 14) | (1 << 15),
        (1 << 0) | (1 << 16) | (1 << 17),
    ];

    /// <summary>On the object's start: reads a coordinate of any kind.</summary>
    public static Coord Read(ref CswReader reader)
    {
        var kind = TypeTag.Find(ref reader, Kinds.Lookup, "coordinate");
        var allowed = FieldsOf[(int)kind];
        var seen = 0;
        var tag = "";
        Span<long> angles = stackalloc long[FieldNames.Length];
        Span<double> numbers = stackalloc double[FieldNames.Length];
        var frame = EqFrame.ICRS;
        var body = SolarSystemObject.Mercury;
        var catalogName = "";
        var pm = default(ProperMotion);
        while (reader.NextProperty())
        {
            var field = FieldIndex(ref reader);
            if (field < 0 || (allowed & (1 << field)) == 0)
            {
                reader.SkipValue();
                continue;
            }
            var name = FieldNames[field];
            Fields.See(ref reader, ref seen, 1 << field, name);
            switch (field)
            {
                case 0: tag = Fields.String(ref reader, name); break;
                case 3: frame = Fields.Enum(ref reader, name, Names.EqFrames, "frame"); break;
                case 4: catalogName = Fields.String(ref reader, name); break;
                case 5: pm = ReadProperMotion(ref reader); break;
                case 6: body = Fields.Enum(ref reader, name, Names.SolarSystemObjects, "solar system object"); break;
                case 7 or 11 or 12 or 14 or 15: numbers[field] = Fields.Double(ref reader, name); break;
                default: angles[field] = Fields.Long(ref reader, name); break;
            }
        }
        Fields.Require(ref reader, seen, allowed, Kinds.Name(kind), FieldNames);
        return kind switch
        {
            Kind.EqCoord => new EqCoord(tag, new Angle(angles[1]), new Angle(angles[2]), frame, catalogName, pm),
            Kind.SolarSystemCoord => new SolarSystemCoord(tag, body),
            Kind.MinorPlanetCoord => new MinorPlanetCoord(tag, numbers[7], new Angle(angles[8]), new Angle(angles[9]), new Angle(angles[10]), numbers[11], numbers[12], new Angle(angles[13])),
            Kind.CometCoord => new CometCoord(tag, numbers[14], new Angle(angles[8]), new Angle(angles[9]), new Angle(angles[10]), numbers[15], numbers[12]),
            _ => new AltAzCoord(tag, new Angle(angles[16]), new Angle(angles[17])),
        };
    }

    public static void Write(Utf8JsonWriter writer, Coord coord)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeTag.Encoded, coord switch
        {
            EqCoord => Kinds.Encoded(Kind.EqCoord),
            SolarSystemCoord => Kinds.Encoded(Kind.SolarSystemCoord),
            MinorPlanetCoord => Kinds.Encoded(Kind.MinorPlanetCoord),
            CometCoord => Kinds.Encoded(Kind.CometCoord),
            AltAzCoord => Kinds.Encoded(Kind.AltAzCoord),
            _ => throw new CswJsonException($"unknown coordinate type {coord.GetType().Name}"),
        });
        writer.WriteString(Encoded[0], coord.Tag.Name);
        switch (coord)
        {
            case EqCoord c:
                writer.WriteNumber(Encoded[1], c.Ra.Uas);
                writer.WriteNumber(Encoded[2], c.Dec.Uas);
                writer.WriteString(Encoded[3], Names.EqFrames.Encoded(c.Frame));
                writer.WriteString(Encoded[4], c.CatalogName);
                writer.WritePropertyName(Encoded[5]);
                writer.WriteStartObject();
                writer.WritePropertyName("pmx"u8);
                DoubleScalar.Write(writer, c.Pm.Pmx);
                writer.WritePropertyName("pmy"u8);
                DoubleScalar.Write(writer, c.Pm.Pmy);
                writer.WriteEndObject();
                break;
            case SolarSystemCoord c:
                writer.WriteString(Encoded[6], Names.SolarSystemObjects.Encoded(c.Body));
                break;
            case MinorPlanetCoord c:
                WriteDouble(writer, 7, c.Epoch);
                WriteOrbit(writer, c.Inclination, c.LongAscendingNode, c.ArgOfPerihelion);
                WriteDouble(writer, 11, c.MeanDistance);
                WriteDouble(writer, 12, c.Eccentricity);
                writer.WriteNumber(Encoded[13], c.MeanAnomaly.Uas);
                break;
            case CometCoord c:
                WriteDouble(writer, 14, c.EpochOfPerihelion);
                WriteOrbit(writer, c.Inclination, c.LongAscendingNode, c.ArgOfPerihelion);
                WriteDouble(writer, 15, c.PerihelionDistance);
                WriteDouble(writer, 12, c.Eccentricity);
                break;
            case AltAzCoord c:
                writer.WriteNumber(Encoded[16], c.Alt.Uas);
                writer.WriteNumber(Encoded[17], c.Az.Uas);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteOrbit(Utf8JsonWriter writer, Angle inclination, Angle node, Angle perihelion)
    {
        writer.WriteNumber(Encoded[8], inclination.Uas);
        writer.WriteNumber(Encoded[9], node.Uas);
        writer.WriteNumber(Encoded[10], perihelion.Uas);
    }

    private static void WriteDouble(Utf8JsonWriter writer, int field, double value)
    {
        writer.WritePropertyName(Encoded[field]);
        DoubleScalar.Write(writer, value);
    }

    private static int FieldIndex(ref CswReader reader)
    {
        for (var i = 0; i < FieldUtf8.Length; i++)
        {
            if (reader.Is(FieldUtf8[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static ProperMotion ReadProperMotion(ref CswReader reader)
    {
        reader.Context.Enter("pm");
        reader.Next();
        reader.Expect(JsonTokenType.StartObject, "a proper motion ({\"pmx\": ..., \"pmy\": ...})");
        var seen = 0;
        double pmx = 0, pmy = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("pmx"u8))
            {
                Fields.See(ref reader, ref seen, 1, "pmx");
                pmx = Fields.Double(ref reader, "pmx");
            }
            else if (reader.Is("pmy"u8))
            {
                Fields.See(ref reader, ref seen, 2, "pmy");
                pmy = Fields.Double(ref reader, "pmy");
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 3, "proper motion", "pmx", "pmy");
        reader.Context.Exit();
        return new ProperMotion(pmx, pmy);
    }
}
