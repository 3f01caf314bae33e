using System.Text.Json;
using Csw.Framework.Internal.Hocon;

namespace Csw.Framework.Tests.Internal.Hocon;

public sealed class HoconParserTests
{
    /// <summary>The document as compact JSON, which is how the configuration readers see it.</summary>
    private static string Json(string hocon) => JsonSerializer.Serialize(JsonDocument.Parse(HoconJson.Write(HoconParser.Parse(hocon))).RootElement);

    [Theory]
    [InlineData("a = 1", """{"a":1}""")]
    [InlineData("a : 1", """{"a":1}""")]
    [InlineData("a { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("{ a = 1 }", """{"a":1}""")]
    [InlineData("", "{}")]
    [InlineData("# only a comment\n// and another", "{}")]
    [InlineData("a = 1, b = 2", """{"a":1,"b":2}""")]
    [InlineData("a = 1\n\n\nb = 2\n", """{"a":1,"b":2}""")]
    [InlineData("a = 1,\n", """{"a":1}""")]
    [InlineData("a = [1, 2, 3,]", """{"a":[1,2,3]}""")]
    [InlineData("a = [\n 1\n 2\n]", """{"a":[1,2]}""")]
    [InlineData("a = []", """{"a":[]}""")]
    [InlineData("a = {}", """{"a":{}}""")]
    [InlineData("[1, \"two\", {c: 3}]", """[1,"two",{"c":3}]""")]
    public void Parse_Structure_ObjectsArraysAndSeparators(string hocon, string json) => Assert.Equal(json, Json(hocon));

    [Theory]
    [InlineData("a = hcd", """{"a":"hcd"}""")]
    [InlineData("a = org.tmt.Foo", """{"a":"org.tmt.Foo"}""")]
    [InlineData("a = 10 seconds", """{"a":"10 seconds"}""")]
    [InlineData("a = 10   seconds   # trailing spaces and a comment", """{"a":"10   seconds"}""")]
    [InlineData("a = foo\"bar\" baz", """{"a":"foobar baz"}""")]
    [InlineData("a = \"quoted # not a comment\"", """{"a":"quoted # not a comment"}""")]
    [InlineData("a = \"tab\\there \\u00e9 \\\"q\\\" \\\\ \\/\"", """{"a":"tab\there \u00E9 \u0022q\u0022 \\ /"}""")]
    [InlineData("a = \"\\ud83d\\ude00\"", """{"a":"\uD83D\uDE00"}""")]
    [InlineData("a = \"\"\"raw \"quoted\" \\n\nsecond line\"\"\"", """{"a":"raw \u0022quoted\u0022 \\n\nsecond line"}""")]
    [InlineData("a = \"\"\"x\"\"\"\"\"", """{"a":"x\u0022\u0022"}""")]
    [InlineData("a = 3", """{"a":3}""")]
    [InlineData("a = -1.5e+3", """{"a":-1.5e+3}""")]
    [InlineData("a = 1.5.3", """{"a":"1.5.3"}""")]
    [InlineData("a = 007", """{"a":"007"}""")]
    [InlineData("a = true, b = false, c = null", """{"a":true,"b":false,"c":null}""")]
    [InlineData("a = \"true\"", """{"a":"true"}""")]
    [InlineData("a = yes", """{"a":"yes"}""")]
    public void Parse_Values_StringsNumbersBooleansNull(string hocon, string json) => Assert.Equal(json, Json(hocon));

    [Theory]
    [InlineData("a.b.c = 1", """{"a":{"b":{"c":1}}}""")]
    [InlineData("\"a.b\" = 1", """{"a.b":1}""")]
    [InlineData("a.\"b.c\".d = 1", """{"a":{"b.c":{"d":1}}}""")]
    [InlineData("a b = 1", """{"a b":1}""")]
    [InlineData("include = 1", """{"include":1}""")]
    [InlineData("\"\" = 1", """{"":1}""")]
    [InlineData("a.b = 1\na.c = 2", """{"a":{"b":1,"c":2}}""")]
    [InlineData("a { b = 1, c = 2 }\na { c = 3 }", """{"a":{"b":1,"c":3}}""")]
    [InlineData("a = { b = 1 }\na = 5", """{"a":5}""")]
    [InlineData("a = 5\na { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("a = [1]\na = [2]", """{"a":[2]}""")]
    [InlineData("a = { b = 1 } { c = 2 }", """{"a":{"b":1,"c":2}}""")]
    [InlineData("a = [1] [2, 3]", """{"a":[1,2,3]}""")]
    public void Parse_Keys_DottedPathsAndDuplicatesMergedAsHoconDoes(string hocon, string json) => Assert.Equal(json, Json(hocon));

    [Fact]
    public void Parse_Json_ReadsItAsJsonDoes()
    {
        const string json = """
            {
              "name": "c",
              "list": [1, -2.5e-3, true, false, null, "s\u00e9\n"],
              "nested": { "empty": {}, "none": [] }
            }
            """;
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement), Json(json));
    }

    [Fact]
    public void Parse_CrLfAndTabs_Whitespace()
    {
        Assert.Equal("""{"a":1,"b":"x"}""", Json("a\t=\t1\r\nb = x\r\n"));
    }

    [Theory]
    [InlineData("a = {\n b = 1\n c = [1,2\n}", 4, 1, "the '[' at line 3, column 6 is closed by '}'")]
    [InlineData("a = {\n b = 1\n", 3, 1, "the '{' at line 1, column 5 is never closed")]
    [InlineData("a = [1, 2", 1, 10, "the '[' at line 1, column 5 is never closed")]
    [InlineData("a = 1 }", 1, 7, "this '}' closes nothing")]
    [InlineData("a = 1 ]", 1, 7, "this ']' closes nothing")]
    [InlineData("{ a = 1 ]", 1, 9, "the '{' at line 1, column 1 is closed by ']'")]
    [InlineData("{ a = 1 }\nb = 2", 2, 1, "after the end of the document")]
    [InlineData("{ a = 1 } b = 2", 1, 11, "mixes text, objects and arrays")]
    [InlineData("a = \"open\nb = 2", 1, 10, "not closed on its line")]
    [InlineData("a = \"\"\"open", 1, 12, "the \"\"\" string that starts at line 1, column 5 is never closed")]
    [InlineData("a = \"bad \\q\"", 1, 10, "escape")]
    [InlineData("a = \"\\u12\"", 1, 6, "four hexadecimal digits")]
    [InlineData("a = \"\\ud800\"", 1, 6, "unpaired")]
    [InlineData("a = \"tab\there\"", 1, 9, "control character")]
    [InlineData("a = ${b}", 1, 5, "substitutions")]
    [InlineData("a += 1", 1, 3, "'+='")]
    [InlineData("include \"other.conf\"", 1, 1, "include is not supported")]
    [InlineData("include required(\"other.conf\")", 1, 1, "include is not supported")]
    [InlineData("a\nb = 1", 1, 2, "after the key 'a'")]
    [InlineData("a = ", 1, 5, "where the value of 'a' was expected")]
    [InlineData("a = \n", 2, 1, "where the value of 'a' was expected")]
    [InlineData("a = 1 = 2", 1, 7, "after the value of 'a'")]
    [InlineData("a = [1,,2]", 1, 8, "where the value of an array element was expected")]
    [InlineData("a = 1,, b = 2", 1, 7, "where a key was expected")]
    [InlineData("a..b = 1", 1, 1, "empty part")]
    [InlineData(".a = 1", 1, 1, "empty part")]
    [InlineData("a = x { b = 1 }", 1, 7, "mixes text, objects and arrays")]
    [InlineData("a = [1] { b = 1 }", 1, 9, "mixes text, objects and arrays")]
    [InlineData("a = b:c", 1, 6, "after the value of 'a'")]
    [InlineData("a = !", 1, 5, "'!' is not allowed outside quotes")]
    [InlineData("a = b\\c", 1, 6, "'\\' is not allowed outside quotes")]
    public void Parse_SyntaxError_NamesLineAndColumn(string hocon, int line, int column, string message)
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(hocon));
        Assert.Equal(new HoconPosition(line, column), error.Position);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_LoneSurrogateInText_ErrorNamesItsPosition()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("a = x\uD800y"));
        Assert.Equal(new HoconPosition(1, 6), error.Position);
    }

    [Theory]
    [InlineData(HoconParser.MaxDepth, false)]
    [InlineData(HoconParser.MaxDepth + 1, true)]
    public void Parse_NestedArrays_LimitedToMaxDepth(int depth, bool fails)
    {
        var hocon = $"a = {new string('[', depth)}{new string(']', depth)}";
        if (fails)
        {
            Assert.Contains($"nests deeper than {HoconParser.MaxDepth} levels", Assert.Throws<HoconException>(() => HoconParser.Parse(hocon)).Message);
        }
        else
        {
            HoconParser.Parse(hocon);
        }
    }

    [Fact]
    public void Parse_DeepDottedKey_LimitedToMaxDepth()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(string.Join('.', Enumerable.Repeat("a", HoconParser.MaxDepth + 1)) + " = 1"));
        Assert.Equal(new HoconPosition(1, 1), error.Position);
        Assert.Contains("nests deeper", error.Message);
    }

    [Theory]
    [InlineData('{')]
    [InlineData('[')]
    public void Parse_HugeNesting_DepthErrorNotStackOverflow(char open)
    {
        var nested = open == '{' ? string.Concat(Enumerable.Repeat("a {", 1_000_000)) : $"a = {new string('[', 1_000_000)}";
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(nested));
        Assert.Contains("nests deeper", error.Message);
    }

    [Fact]
    public void Parse_ManyDuplicateKeys_MergedInOnePass()
    {
        var hocon = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"a.b{i % 100}.c = {i}\n"));
        using var json = JsonDocument.Parse(HoconJson.Write(HoconParser.Parse(hocon)));
        Assert.Equal(99_999, json.RootElement.GetProperty("a").GetProperty("b99").GetProperty("c").GetInt32());
    }

    [Theory]
    [InlineData("$", 1, 1)]
    [InlineData("$.components", 2, 14)]
    [InlineData("$.components[1]", 4, 3)]
    [InlineData("$.components[1].prefix", 4, 14)]
    [InlineData("$.components[1].missing", 4, 3)]
    [InlineData("$.components[7].prefix", 2, 14)]
    [InlineData("$.odd.key", 6, 13)]
    public void Locate_JsonPath_WhereTheValueStarts(string path, int line, int column)
    {
        var root = HoconParser.Parse("name = c\ncomponents = [\n  { prefix = a }\n  { prefix = b }\n]\n\"odd.key\" = 1");
        Assert.Equal(new HoconPosition(line, column), HoconJson.Locate(root, path));
    }
}
