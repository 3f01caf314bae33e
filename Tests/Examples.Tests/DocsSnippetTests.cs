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

    /// <summary>The text of each fenced C# block, lines joined with \n; other blocks (shell commands) are skipped.</summary>
    private static IEnumerable<string> CodeBlocks(IEnumerable<string> lines)
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
                block = line.StartsWith("```csharp", StringComparison.Ordinal) ? [] : null;
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
