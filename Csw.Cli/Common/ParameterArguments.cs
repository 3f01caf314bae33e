using System.Globalization;
using Csw.Params;

namespace Csw.Cli.Common;

/// <summary>
/// Parameters written on the command line as <c>key:type=value</c>, e.g. <c>target:int=3</c>,
/// <c>offsets:double=1.5,2.5</c> (several values, comma-separated), <c>name:string=blue</c> or
/// <c>exposure:double[second]=30</c> (with units).
/// </summary>
internal static class ParameterArguments
{
    public const string Types = "int, long, short, byte, float, double, boolean, char, string";

    private static readonly string[] TypeNames = Types.Split(", ");

    /// <summary>The parameter <paramref name="text"/> describes.</summary>
    /// <exception cref="FormatException">It is not key:type=value, or a value does not fit the type; the message says which part.</exception>
    public static Parameter Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = equals < 0 ? -1 : text.LastIndexOf(':', equals);
        if (colon <= 0 || equals < colon)
        {
            throw new FormatException($"'{text}' is not key:type=value (e.g. target:int=3).");
        }
        var key = text[..colon];
        var typeText = text[(colon + 1)..equals];
        var values = text[(equals + 1)..].Split(',');
        Units? units = null;
        var bracket = typeText.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0 && typeText.EndsWith(']'))
        {
            var unitName = typeText[(bracket + 1)..^1];
            try
            {
                units = Units.Parse(unitName);
            }
            catch (FormatException e)
            {
                // Units' own message says which identifier a symbol such as K stands for.
                var help = e.Message.EndsWith('?') ? "" : " Units are CSW's identifiers, e.g. meter, second, degree, kelvin.";
                throw new FormatException($"'{text}': {e.Message}{help}", e);
            }
            typeText = typeText[..bracket];
        }
        try
        {
            return typeText.ToLowerInvariant() switch
            {
                "int" => Keys.Int(key, units).Set([.. values.Select(v => int.Parse(v, CultureInfo.InvariantCulture))]),
                "long" => Keys.Long(key, units).Set([.. values.Select(v => long.Parse(v, CultureInfo.InvariantCulture))]),
                "short" => Keys.Short(key, units).Set([.. values.Select(v => short.Parse(v, CultureInfo.InvariantCulture))]),
                "byte" => Keys.Byte(key, units).Set([.. values.Select(v => sbyte.Parse(v, CultureInfo.InvariantCulture))]),
                "float" => Keys.Float(key, units).Set([.. values.Select(v => float.Parse(v, CultureInfo.InvariantCulture))]),
                "double" => Keys.Double(key, units).Set([.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))]),
                "boolean" or "bool" => Keys.Boolean(key, units).Set([.. values.Select(bool.Parse)]),
                "char" => Keys.Char(key, units).Set([.. values.Select(char.Parse)]),
                "string" => Keys.String(key, units).Set([.. values]),
                _ => throw new FormatException($"'{typeText}' in '{text}' is not a parameter type{TypeHint(typeText)}"),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException && !e.Message.Contains(text, StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}': the values do not fit the type {typeText}: {e.Message}", e);
        }
    }

    private static string TypeHint(string typeText) =>
        Spelling.Nearest(typeText, TypeNames) is { Count: > 0 } nearest ? $"; did you mean {string.Join(" or ", nearest)}?" : $" ({Types}).";
}
