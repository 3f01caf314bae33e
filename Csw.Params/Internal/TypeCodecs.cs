using System.Text.Json;
using Csw.Params.Coords;
using Csw.Params.Messages;

namespace Csw.Params.Internal;

/// <summary>The codec of each type that <see cref="CswJson"/> reads and writes at the top level.</summary>
internal static class TypeCodecs
{
    private static readonly Dictionary<Type, ITypeCodec> All = new();

    static TypeCodecs()
    {
        // Commands, states, results.
        Add((ref r) => CommandCodec.Read(ref r, controlOnly: false), CommandCodec.Write);
        Add<SequenceCommand>((ref r) => (SequenceCommand)CommandCodec.Read(ref r, controlOnly: false), CommandCodec.Write);
        Add((ref r) => (ControlCommand)CommandCodec.Read(ref r, controlOnly: true), CommandCodec.Write);
        AddNarrowed<Command, Setup>((ref r) => CommandCodec.Read(ref r, false), CommandCodec.Write);
        AddNarrowed<Command, Observe>((ref r) => CommandCodec.Read(ref r, false), CommandCodec.Write);
        AddNarrowed<Command, Wait>((ref r) => CommandCodec.Read(ref r, false), CommandCodec.Write);
        Add(StateCodec.ReadState, (w, s) => StateCodec.WriteState(w, s, withType: true));
        AddNarrowed<StateVariable, CurrentState>(StateCodec.ReadState, (w, s) => StateCodec.WriteState(w, s, withType: false));
        AddNarrowed<StateVariable, DemandState>(StateCodec.ReadState, (w, s) => StateCodec.WriteState(w, s, withType: true));
        Add(StateCodec.ReadResult, StateCodec.WriteResult);
        Add(ParameterCodec.Read, ParameterCodec.Write);
        Add(ParameterCodec.ReadSet, ParameterCodec.WriteSet);

        // Responses and issues.
        Add((ref r) => ResponseCodec.Read(ref r, ResponseCodec.Any, "command response"), ResponseCodec.Write);
        Add<ICommandResponse>((ref r) => ResponseCodec.Read(ref r, ResponseCodec.Any, "command response"), (w, v) => ResponseCodec.Write(w, (CommandResponse)v));
        Add<IValidateResponse>((ref r) => (IValidateResponse)ResponseCodec.Read(ref r, ResponseCodec.Validate, "ValidateResponse"), (w, v) => ResponseCodec.Write(w, (CommandResponse)v));
        Add<IOnewayResponse>((ref r) => (IOnewayResponse)ResponseCodec.Read(ref r, ResponseCodec.Oneway, "OnewayResponse"), (w, v) => ResponseCodec.Write(w, (CommandResponse)v));
        Add<ISubmitResponse>((ref r) => (ISubmitResponse)ResponseCodec.Read(ref r, ResponseCodec.Submit, "SubmitResponse"), (w, v) => ResponseCodec.Write(w, (CommandResponse)v));
        Add<IMatchingResponse>((ref r) => (IMatchingResponse)ResponseCodec.Read(ref r, ResponseCodec.Matching, "MatchingResponse"), (w, v) => ResponseCodec.Write(w, (CommandResponse)v));
        AddResponse<Accepted>();
        AddResponse<Started>();
        AddResponse<Completed>();
        AddResponse<Invalid>();
        AddResponse<Error>();
        AddResponse<Cancelled>();
        AddResponse<Locked>();
        Add(ResponseCodec.ReadIssue, ResponseCodec.WriteIssue);

        // Coordinates.
        Add(CoordCodec.Read, CoordCodec.Write);
        AddNarrowed<Coord, EqCoord>(CoordCodec.Read, CoordCodec.Write);
        AddNarrowed<Coord, SolarSystemCoord>(CoordCodec.Read, CoordCodec.Write);
        AddNarrowed<Coord, MinorPlanetCoord>(CoordCodec.Read, CoordCodec.Write);
        AddNarrowed<Coord, CometCoord>(CoordCodec.Read, CoordCodec.Write);
        AddNarrowed<Coord, AltAzCoord>(CoordCodec.Read, CoordCodec.Write);

        // Command service requests.
        Add(MessageCodec.ReadRequest, MessageCodec.Write);
        Add(MessageCodec.ReadStreamRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, Validate>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, Submit>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, Oneway>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, Query>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, ExecuteDiagnosticMode>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, ExecuteOperationsMode>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, GoOnline>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceRequest, GoOffline>(MessageCodec.ReadRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceStreamRequest, QueryFinal>(MessageCodec.ReadStreamRequest, MessageCodec.Write);
        AddNarrowed<CommandServiceStreamRequest, SubscribeCurrentState>(MessageCodec.ReadStreamRequest, MessageCodec.Write);

        // Identifiers and simple values.
        IdentifierCodecs.Register();
    }

    public static ITypeCodec? Find(Type type) => All.GetValueOrDefault(type);

    public static TypeCodec<T>? Find<T>()
    {
        if (All.GetValueOrDefault(typeof(T)) is TypeCodec<T> codec)
        {
            return codec;
        }
        // Typed parameters (Parameter<int>, ...): read as any parameter, then checked.
        if (typeof(Parameter).IsAssignableFrom(typeof(T)))
        {
            return new TypeCodec<T>(
                (ref r) =>
                {
                    var start = r.Json.TokenStartIndex;
                    return ParameterCodec.Read(ref r) is T typed
                        ? typed
                        : throw r.Context.Fail($"expected a parameter of {typeof(T).GenericTypeArguments[0].Name}, found another key type", start);
                },
                (w, v) => ParameterCodec.Write(w, (Parameter)(object)v!));
        }
        return null;
    }

    public static void Add<T>(ReadValue<T> read, Action<Utf8JsonWriter, T> write) => All.Add(typeof(T), new TypeCodec<T>(read, write));

    /// <summary>Registers <typeparamref name="T"/>, read as its base type and then checked.</summary>
    private static void AddNarrowed<TBase, T>(ReadValue<TBase> read, Action<Utf8JsonWriter, TBase> write)
        where T : TBase
        => Add<T>(
            (ref r) =>
            {
                var start = r.Json.TokenStartIndex;
                var value = read(ref r);
                return value is T narrowed
                    ? narrowed
                    : throw r.Context.Fail($"expected a {typeof(T).Name}, found a {value!.GetType().Name}", start);
            },
            (w, v) => write(w, v));

    private static void AddResponse<T>()
        where T : CommandResponse
        => AddNarrowed<CommandResponse, T>((ref r) => ResponseCodec.Read(ref r, ResponseCodec.Any, "command response"), ResponseCodec.Write);
}

/// <summary>Codecs for instances of a type known only at run time, resolved once per type.</summary>
internal static class TypeCodecCache<T>
{
    public static readonly TypeCodec<T>? Codec = TypeCodecs.Find<T>();
}
