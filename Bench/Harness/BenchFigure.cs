using System.Text.Json.Serialization;

namespace Bench.Harness;

/// <summary>
/// One measured figure, printed as a JSON line. <see cref="Baseline"/> is the raw equivalent
/// measured in the same run; <see cref="Ratio"/> = value / baseline, the number that holds on a
/// noisy machine. Figures with no meaningful raw equivalent carry a null baseline and ratio.
/// </summary>
public sealed record BenchFigure(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("ratio")] double? Ratio);
