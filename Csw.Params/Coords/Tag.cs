namespace Csw.Params.Coords;

/// <summary>Labels a coordinate (e.g. <c>BASE</c>, <c>OIWFS1</c>); a bare string on the wire.</summary>
public readonly record struct Tag
{
    private readonly string? _name;

    /// <summary>Creates a tag.</summary>
    public Tag(string name) => _name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The tag's name; empty for <c>default</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>The base position.</summary>
    public static Tag Base { get; } = new("BASE");

    /// <summary>On-instrument wavefront sensor 1.</summary>
    public static Tag Oiwfs1 { get; } = new("OIWFS1");

    /// <summary>On-instrument wavefront sensor 2.</summary>
    public static Tag Oiwfs2 { get; } = new("OIWFS2");

    /// <summary>On-instrument wavefront sensor 3.</summary>
    public static Tag Oiwfs3 { get; } = new("OIWFS3");

    /// <summary>On-instrument wavefront sensor 4.</summary>
    public static Tag Oiwfs4 { get; } = new("OIWFS4");

    /// <summary>On-detector guide window 1.</summary>
    public static Tag Odgw1 { get; } = new("ODGW1");

    /// <summary>On-detector guide window 2.</summary>
    public static Tag Odgw2 { get; } = new("ODGW2");

    /// <summary>On-detector guide window 3.</summary>
    public static Tag Odgw3 { get; } = new("ODGW3");

    /// <summary>On-detector guide window 4.</summary>
    public static Tag Odgw4 { get; } = new("ODGW4");

    /// <summary>Guider 1.</summary>
    public static Tag Guider1 { get; } = new("GUIDER1");

    /// <summary>Guider 2.</summary>
    public static Tag Guider2 { get; } = new("GUIDER2");

    /// <summary>Lets a string stand for a tag.</summary>
    public static implicit operator Tag(string name) => new(name);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
