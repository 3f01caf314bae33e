namespace Csw.Params.Tests;

public sealed class KeyTests
{
    [Theory]
    [InlineData("a[0]")]
    [InlineData("a]")]
    [InlineData("a/b")]
    public void Make_NameWithForbiddenCharacter_ThrowsArgumentException(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Keys.Int(name));

        Assert.Contains("'['", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Values_MakesParameterWithKeysNameTypeAndUnits()
    {
        var key = Keys.Double("temperature", Units.Kelvin);

        var parameter = key.Set(1.5, 2.5);

        Assert.Equal("temperature", parameter.KeyName);
        Assert.Same(KeyType.Double, parameter.KeyType);
        Assert.Same(Units.Kelvin, parameter.Units);
        Assert.Equal([1.5, 2.5], parameter.Values.ToArray());
        Assert.Equal(1.5, parameter.Head);
        Assert.Equal(2.5, parameter[1]);
        Assert.Equal(2, parameter.Count);
    }

    [Fact]
    public void Set_ArrayThenMutated_ParameterKeepsItsCopy()
    {
        int[] values = [1, 2, 3];
        var parameter = Keys.Int("n").Set(values);

        values[0] = 99;

        Assert.Equal(1, parameter.Head);
    }

    [Fact]
    public void Set_ChoiceOutsideChoices_ThrowsArgumentException()
    {
        var key = Keys.Choice("color", Choices.From("red", "green"));

        Assert.Equal("red", key.Set("red").Head.Name);
        var error = Assert.Throws<ArgumentException>(() => key.Set("blue"));
        Assert.Contains("blue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithUnits_Key_ChangesOnlyUnits()
    {
        var key = Keys.Int("n").WithUnits(Units.Meter);

        Assert.Same(Units.Meter, key.Set(1).Units);
        Assert.Equal("n", key.Name);
    }

    [Fact]
    public void Head_EmptyParameter_ThrowsInvalidOperation()
    {
        var parameter = Keys.Int("n").Set();

        Assert.Throws<InvalidOperationException>(() => parameter.Head);
        Assert.False(parameter.TryGet(0, out _));
    }

    [Fact]
    public void Equals_SameContent_IsEqualAndDifferentUnitsIsNot()
    {
        var a = Keys.IntArray("a").Set(new ArrayData<int>(1, 2));
        var b = Keys.IntArray("a").Set(new ArrayData<int>(1, 2));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithUnits(Units.Meter));
        Assert.NotEqual<Parameter>(a, Keys.LongArray("a").Set(new ArrayData<long>(1, 2)));
    }

    [Fact]
    public void MatrixData_Rows_AreReadableAndCompared()
    {
        var m = new MatrixData<long>([1, 2, 3], [4, 5]);

        Assert.Equal(2, m.RowCount);
        Assert.Equal(5, m[1, 1]);
        Assert.Equal([4L, 5L], m.Row(1).ToArray());
        Assert.Equal(m, new MatrixData<long>([1, 2, 3], [4, 5]));
        Assert.NotEqual(m, new MatrixData<long>([1, 2, 3], [4, 6]));
    }
}
