using System.Text.Json;

namespace Bench.Harness;

/// <summary>Collects a suite's figures: progress goes to stderr at once, JSON lines to stdout at the end.</summary>
public sealed class BenchReport(string suite)
{
    private readonly List<BenchFigure> _figures = [];

    /// <summary>The figures reported so far.</summary>
    public IReadOnlyList<BenchFigure> Figures => _figures;

    /// <summary>Reports a figure with its raw baseline from the same run.</summary>
    public void Add(string name, double value, string unit, double? baseline = null)
    {
        var ratio = baseline is > 0 ? Math.Round(value / baseline.Value, 3) : (double?)null;
        var figure = new BenchFigure(suite, name, Math.Round(value, 2), unit, baseline is null ? null : Math.Round(baseline.Value, 2), ratio);
        _figures.Add(figure);
        Console.Error.WriteLine($"  {name,-28} {figure.Value,16:N2} {unit,-10} baseline {figure.Baseline?.ToString("N2") ?? "-",16}  ratio {figure.Ratio?.ToString("N3") ?? "-"}");
    }

    /// <summary>Writes one JSON object per line per figure to standard output.</summary>
    public void WriteJsonLines(TextWriter output)
    {
        foreach (var figure in _figures)
        {
            output.WriteLine(JsonSerializer.Serialize(figure));
        }
    }
}
