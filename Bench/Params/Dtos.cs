using System.Text.Json.Serialization;

namespace Bench.Params;

// The baseline: plain DTOs with the same JSON shape as CSW's, read and written by System.Text.Json's
// source generator (its fastest mode). They hold strings where CswNet parses (prefix, ObsId, times) and
// validate nothing, so the ratio shows what the exact, checked model costs over raw STJ.

internal sealed class SetupDto
{
    [JsonPropertyName("_type")] public string Type { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("commandName")] public string CommandName { get; set; } = "";
    [JsonPropertyName("maybeObsId")] public string? MaybeObsId { get; set; }
    [JsonPropertyName("paramSet")] public ParamDto[] ParamSet { get; set; } = [];
}

/// <summary>A parameter: exactly one of the properties is set, named by the key type as on the wire.</summary>
internal sealed class ParamDto
{
    public ParamBody<int>? IntKey { get; set; }
    public ParamBody<long>? LongKey { get; set; }
    public ParamBody<double>? DoubleKey { get; set; }
    public ParamBody<float>? FloatKey { get; set; }
    public ParamBody<string>? StringKey { get; set; }
    public ParamBody<bool>? BooleanKey { get; set; }
    public ParamBody<string>? CharKey { get; set; }
    public ParamBody<string>? UTCTimeKey { get; set; }
    public ParamBody<int[]>? IntArrayKey { get; set; }
    public ParamBody<double[][]>? DoubleMatrixKey { get; set; }
}

internal sealed class ParamBody<T>
{
    [JsonPropertyName("keyName")] public string KeyName { get; set; } = "";
    [JsonPropertyName("values")] public T[] Values { get; set; } = [];
    [JsonPropertyName("units")] public string Units { get; set; } = "";
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SetupDto))]
[JsonSerializable(typeof(ParamDto))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
