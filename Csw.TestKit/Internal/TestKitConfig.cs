using System.Globalization;
using Akka.Configuration;

namespace Csw.TestKit.Internal;

/// <summary>
/// The actor-system settings of a <see cref="ComponentTestKit"/>: Akka's test defaults, expectations
/// waiting 5 s, and every wait of Akka's TestKit scaled by the factor in the environment variable
/// <c>CSW_TEST_TIME_FACTOR</c> (e.g. 3 on a slow machine).
/// </summary>
internal static class TestKitConfig
{
    public const string FactorVariable = "CSW_TEST_TIME_FACTOR";

    public static Config For(string? extra)
    {
        var defaults = ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $"""
            akka.test.timefactor = {ReadFactor()}
            akka.test.single-expect-default = 5s
            akka.loglevel = INFO
            """));
        return extra is null ? defaults : ConfigurationFactory.ParseString(extra).WithFallback(defaults);
    }

    private static double ReadFactor()
    {
        var text = Environment.GetEnvironmentVariable(FactorVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor < 1)
        {
            throw new InvalidOperationException($"{FactorVariable} must be a number of at least 1, not '{text}'.");
        }
        return factor;
    }
}
