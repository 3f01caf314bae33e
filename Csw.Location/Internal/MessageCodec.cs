using System.Text.Json;
using Csw.Location.Messages;
using static Csw.Location.Internal.ModelCodec;

namespace Csw.Location.Internal;

/// <summary>
/// CSW's JSON for the location server's requests and errors (csw-location-api's
/// <c>LocationServiceCodecs</c>): <c>{"_type": "Resolve", "connection": {...}, "within": "5 seconds"}</c>,
/// <c>{"_type": "OtherLocationIsRegistered", "msg": "..."}</c>.
/// </summary>
internal static class MessageCodec
{
    private const string RequestTypes = "Register, Unregister, UnregisterAll, Find, Resolve, ListEntries, ListByComponentType, ListByHostname, ListByConnectionType, ListByPrefix";

    public static LocationRequest ReadRequest(InputNode node)
    {
        var type = node.TypeName($"a location request (an object with _type {RequestTypes})");
        return type switch
        {
            "Register" => new Register(ReadRegistration(node.Field("registration", type))),
            "Unregister" => new Unregister(ReadConnection(node.Field("connection", type))),
            "UnregisterAll" => new UnregisterAll(),
            "Find" => new Find(ReadConnection(node.Field("connection", type))),
            "Resolve" => new Resolve(ReadConnection(node.Field("connection", type)), ReadDuration(node.Field("within", type))),
            "ListEntries" => new ListEntries(),
            "ListByComponentType" => new ListByComponentType(ReadComponentType(node.Field("componentType", type))),
            "ListByHostname" => new ListByHostname(node.Field("hostname", type).String("a host name (a string)")),
            "ListByConnectionType" => new ListByConnectionType(ReadConnectionType(node.Field("connectionType", type))),
            "ListByPrefix" => new ListByPrefix(node.Field("prefix", type).String("a prefix (a string)")),
            _ => throw UnknownType(node, type, "location request", RequestTypes),
        };
    }

    public static LocationStreamRequest ReadStreamRequest(InputNode node)
    {
        var type = node.TypeName("a location stream request (an object with _type Track)");
        return type switch
        {
            "Track" => new Track(ReadConnection(node.Field("connection", type))),
            _ => throw UnknownType(node, type, "location stream request", "Track"),
        };
    }

    public static LocationServiceException ReadError(InputNode node)
    {
        const string types = "OtherLocationIsRegistered, RegistrationFailed, UnregistrationFailed, RegistrationListingFailed";
        var type = node.TypeName($"a location service error (an object with _type {types})");
        return type switch
        {
            "OtherLocationIsRegistered" => new OtherLocationIsRegisteredException(node.Field("msg", type).String("a message (a string)")),
            "RegistrationFailed" => new RegistrationFailedException(node.Field("msg", type).String("a message (a string)")),
            "UnregistrationFailed" => new UnregistrationFailedException(ReadConnection(node.Field("connection", type))),
            "RegistrationListingFailed" => new RegistrationListingFailedException(),
            _ => throw UnknownType(node, type, "location service error", types),
        };
    }

    public static void WriteRequest(Utf8JsonWriter writer, LocationRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("_type"u8, request.GetType().Name);
        switch (request)
        {
            case Register register:
                writer.WritePropertyName("registration"u8);
                WriteRegistration(writer, register.Registration);
                break;
            case Unregister unregister:
                writer.WritePropertyName("connection"u8);
                WriteConnection(writer, unregister.Connection);
                break;
            case Find find:
                writer.WritePropertyName("connection"u8);
                WriteConnection(writer, find.Connection);
                break;
            case Resolve resolve:
                writer.WritePropertyName("connection"u8);
                WriteConnection(writer, resolve.Connection);
                writer.WriteString("within"u8, ScalaDuration.Format(resolve.Within));
                break;
            case ListByComponentType byComponentType:
                writer.WriteString("componentType"u8, byComponentType.ComponentType.ToString());
                break;
            case ListByHostname byHostname:
                writer.WriteString("hostname"u8, byHostname.Hostname);
                break;
            case ListByConnectionType byConnectionType:
                writer.WriteString("connectionType"u8, byConnectionType.ConnectionType.WireName());
                break;
            case ListByPrefix byPrefix:
                writer.WriteString("prefix"u8, byPrefix.Prefix);
                break;
            case UnregisterAll or ListEntries:
                break;
            default:
                throw new Params.CswJsonException($"{request.GetType().Name} is not a location request of CSW's wire format");
        }
        writer.WriteEndObject();
    }

    public static void WriteStreamRequest(Utf8JsonWriter writer, LocationStreamRequest request)
    {
        if (request is not Track track)
        {
            throw new Params.CswJsonException($"{request.GetType().Name} is not a location stream request of CSW's wire format");
        }
        writer.WriteStartObject();
        writer.WriteString("_type"u8, "Track");
        writer.WritePropertyName("connection"u8);
        WriteConnection(writer, track.Connection);
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, LocationServiceException error)
    {
        writer.WriteStartObject();
        switch (error)
        {
            case OtherLocationIsRegisteredException:
                writer.WriteString("_type"u8, "OtherLocationIsRegistered");
                writer.WriteString("msg"u8, error.Message);
                break;
            case RegistrationFailedException:
                writer.WriteString("_type"u8, "RegistrationFailed");
                writer.WriteString("msg"u8, error.Message);
                break;
            case UnregistrationFailedException unregistration:
                writer.WriteString("_type"u8, "UnregistrationFailed");
                writer.WritePropertyName("connection"u8);
                WriteConnection(writer, unregistration.Connection);
                break;
            case RegistrationListingFailedException:
                writer.WriteString("_type"u8, "RegistrationListingFailed");
                break;
            default:
                throw new Params.CswJsonException($"{error.GetType().Name} is not a location service error of CSW's wire format");
        }
        writer.WriteEndObject();
    }

    private static TimeSpan ReadDuration(InputNode node) =>
        ScalaDuration.TryParse(node.String("a duration (a string such as '5 seconds')"), out var duration, out var error) ? duration : throw node.Fail(error);
}
