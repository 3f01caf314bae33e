namespace Examples.Tests;

public sealed class DocsSnippetTests
{
    [Fact]
    public void FirstComponentGuide_EveryCodeBlock_StandsVerbatimInOneSourceFile()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Csw.Tests.Shared.PublicApi.SourceFolder()))!;
        var sources = new[] { "Examples", Path.Combine("Tests", "Examples.Tests") }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => File.ReadAllText(path).ReplaceLineEndings("\n"))
            .ToList();
        var blocks = CodeBlocks(File.ReadAllLines(Path.Combine(root, "docs", "FirstComponent.md"))).ToList();

        Assert.NotEmpty(blocks);
        var missing = blocks.Where(block => !sources.Any(source => source.Contains(block, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "docs/FirstComponent.md quotes code that is not in Examples/ or Tests/Examples.Tests/:\n" + string.Join("\n---\n", missing));
    }

    [Fact]
    public void YourOwnComponentGuide_EveryCodeBlock_StandsVerbatimInTheTemplate()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Csw.Tests.Shared.PublicApi.SourceFolder()))!;
        var sources = Directory.GetFiles(Path.Combine(root, "templates", "content"), "*", SearchOption.AllDirectories)
            .Select(path => File.ReadAllText(path).ReplaceLineEndings("\n"))
            .ToList();
        var blocks = CodeBlocks(File.ReadAllLines(Path.Combine(root, "docs", "YourOwnComponent.md")), "```csharp", "```xml").ToList();

        Assert.True(blocks.Count >= 5, $"{blocks.Count} blocks");
        var missing = blocks.Where(block => !sources.Any(source => source.Contains(block, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "docs/YourOwnComponent.md quotes code that is not in templates/content:\n" + string.Join("\n---\n", missing));
    }

    /// <summary>The text of each fenced block opened by one of <paramref name="fences"/> (C# when none), lines joined with \n; other blocks are skipped.</summary>
    private static IEnumerable<string> CodeBlocks(IEnumerable<string> lines, params string[] fences)
    {
        List<string>? block = null;
        var inBlock = false;
        foreach (var line in lines)
        {
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                block?.Add(line);
            }
            else if (!inBlock)
            {
                inBlock = true;
                block = (fences.Length == 0 ? ["```csharp"] : fences).Any(fence => line.StartsWith(fence, StringComparison.Ordinal)) ? [] : null;
            }
            else
            {
                if (block is not null)
                {
                    yield return string.Join("\n", block);
                }
                (inBlock, block) = (false, null);
            }
        }
    }
}
