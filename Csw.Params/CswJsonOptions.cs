namespace Csw.Params;

/// <summary>Limits applied while reading CSW JSON, so that hostile input cannot exhaust memory or stack.</summary>
public sealed record CswJsonOptions
{
    /// <summary>The defaults: <see cref="MaxElements"/> 32 Mi, <see cref="MaxDepth"/> 64.</summary>
    public static CswJsonOptions Default { get; } = new();

    /// <summary>
    /// The most array elements one parameter may hold, counting every element at every level (a 1000×1000
    /// matrix counts 1,001,001), and the most elements any other JSON array may hold. Default 33,554,432.
    /// </summary>
    public int MaxElements { get; init; } = 32 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays accepted. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>A copy with <see cref="MaxElements"/> set.</summary>
    public CswJsonOptions WithMaxElements(int maxElements)
        => this with { MaxElements = maxElements > 0 ? maxElements : throw new ArgumentOutOfRangeException(nameof(maxElements)) };

    /// <summary>A copy with <see cref="MaxDepth"/> set.</summary>
    public CswJsonOptions WithMaxDepth(int maxDepth)
        => this with { MaxDepth = maxDepth > 0 ? maxDepth : throw new ArgumentOutOfRangeException(nameof(maxDepth)) };
}
