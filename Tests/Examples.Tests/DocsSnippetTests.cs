namespace Examples.Tests;

public sealed class DocsSnippetTests
{
    [Fact]
    public void FirstComponentGuide_EveryCodeLine_StandsInTheExamples()
    {
        var root = Path.GetDirectoryName(Csw.Tests.Shared.PublicApi.SourceFolder())!;
        root = Path.GetDirectoryName(root)!;
        var sources = string.Join("\n", Directory.GetFiles(Path.Combine(root, "Examples"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var guide = File.ReadAllLines(Path.Combine(root, "docs", "FirstComponent.md"));
        var inCode = false;
        var missing = new List<string>();
        foreach (var line in guide)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }
            if (inCode && line.Trim().Length > 0 && !sources.Contains(line, StringComparison.Ordinal))
            {
                missing.Add(line);
            }
        }
        Assert.True(missing.Count == 0, "docs/FirstComponent.md quotes lines that are not in Examples/: " + string.Join(" | ", missing));
    }
}
