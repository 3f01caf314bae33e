namespace Csw.Framework.Internal.Hocon;

/// <summary>Where a token or value starts in the text: 1-based line and column (a tab counts as one column).</summary>
internal readonly record struct HoconPosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
