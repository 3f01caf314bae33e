namespace Csw.Params.Tests;

public sealed class KeyTypeTests
{
    [Fact]
    public void All_CswsThirtyKeyTypes_HaveCswsNames()
    {
        string[] expected =
        [
            "ChoiceKey", "StringKey", "UTCTimeKey", "TAITimeKey", "EqCoordKey", "SolarSystemCoordKey", "MinorPlanetCoordKey",
            "CometCoordKey", "AltAzCoordKey", "CoordKey", "BooleanKey", "CharKey", "ByteKey", "ShortKey", "LongKey", "IntKey",
            "FloatKey", "DoubleKey", "ByteArrayKey", "ShortArrayKey", "LongArrayKey", "IntArrayKey", "FloatArrayKey",
            "DoubleArrayKey", "ByteMatrixKey", "ShortMatrixKey", "LongMatrixKey", "IntMatrixKey", "FloatMatrixKey", "DoubleMatrixKey",
        ];

        Assert.Equal(expected, KeyType.All.Select(k => k.Name));
    }

    [Fact]
    public void DefaultUnits_TimeKeys_AreUtcAndTai()
    {
        Assert.Same(Units.Utc, KeyType.UtcTime.DefaultUnits);
        Assert.Same(Units.Tai, KeyType.TaiTime.DefaultUnits);
        Assert.Same(Units.NoUnits, KeyType.Int.DefaultUnits);
    }

    [Fact]
    public void TryParse_AnyCase_FindsKeyType()
    {
        Assert.True(KeyType.TryParse("intkey", out var keyType));
        Assert.Same(KeyType.Int, keyType);
        Assert.Equal(typeof(int), keyType.ValueType);
        Assert.False(KeyType.TryParse("NumberKey", out _));
    }
}
