using System.Text.Json;
using Bench.Harness;
using Csw.Params;

namespace Bench.Params;

/// <summary>
/// The CSW JSON codec: a Setup with ten mixed parameters encoded and decoded, a 1000×1000 double matrix
/// decoded. Baseline: System.Text.Json (source-generated) on plain DTOs of the same JSON in the same run.
/// </summary>
public sealed class ParamsSuite : IBenchSuite
{
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public string Name => "params";

    /// <inheritdoc />
    public Task RunAsync(BenchReport report)
    {
        var setup = Samples.Setup();
        var dto = Samples.SetupDto();
        var dtoInfo = BaselineJsonContext.Default.SetupDto;
        var setupJson = CswJson.ToUtf8Bytes(setup);
        var dtoJson = JsonSerializer.SerializeToUtf8Bytes(dto, dtoInfo);
        Check(CswJson.Deserialize<Setup>(dtoJson) == setup, "the DTO's JSON must decode to the same Setup");
        Console.Error.WriteLine($"  setup JSON: {setupJson.Length} bytes (DTO {dtoJson.Length} bytes)");

        var (encode, encodeBaseline) = Throughput.Compare(
            () => CswJson.ToUtf8Bytes(setup), () => JsonSerializer.SerializeToUtf8Bytes(dto, dtoInfo), RoundTime);
        report.Add("setup_encode", encode, "ops/s", encodeBaseline);

        var (decode, decodeBaseline) = Throughput.Compare(
            () => CswJson.Deserialize<Setup>(setupJson), () => JsonSerializer.Deserialize(dtoJson, dtoInfo), RoundTime);
        report.Add("setup_decode", decode, "ops/s", decodeBaseline);

        report.Add("setup_encode_alloc", Throughput.BytesPerOperation(() => CswJson.ToUtf8Bytes(setup), 20_000), "bytes",
            Throughput.BytesPerOperation(() => JsonSerializer.SerializeToUtf8Bytes(dto, dtoInfo), 20_000));
        report.Add("setup_decode_alloc", Throughput.BytesPerOperation(() => CswJson.Deserialize<Setup>(setupJson), 20_000), "bytes",
            Throughput.BytesPerOperation(() => JsonSerializer.Deserialize(dtoJson, dtoInfo), 20_000));

        var rows = Samples.MatrixRows(1000);
        var matrixJson = CswJson.ToUtf8Bytes(Samples.Matrix(rows));
        var matrixDtoJson = JsonSerializer.SerializeToUtf8Bytes(Samples.MatrixDto(rows), BaselineJsonContext.Default.ParamDto);
        Check(matrixJson.AsSpan().SequenceEqual(matrixDtoJson), "both matrix documents must be the same bytes");
        Check(CswJson.Deserialize<Parameter>(matrixJson).Equals(Samples.Matrix(rows)), "the matrix must round-trip");
        var megabytes = matrixJson.Length / 1e6;
        Console.Error.WriteLine($"  matrix JSON: {megabytes:F1} MB");
        var (matrix, matrixBaseline) = Throughput.Compare(
            () => CswJson.Deserialize<Parameter>(matrixJson),
            () => JsonSerializer.Deserialize(matrixDtoJson, BaselineJsonContext.Default.ParamDto),
            RoundTime * 5,
            rounds: 9);
        report.Add("matrix_decode", matrix * megabytes, "MB/s", matrixBaseline * megabytes);
        return Task.CompletedTask;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark set-up is wrong: {what}.");
        }
    }
}
