namespace Csw.Params;

/// <summary>Identifies a component: its <see cref="Prefix"/> and its <see cref="ComponentType"/>.</summary>
/// <param name="Prefix">The component's prefix, e.g. <c>TCS.filter.wheel</c>.</param>
/// <param name="ComponentType">What kind of component it is.</param>
public sealed record ComponentId(Prefix Prefix, ComponentType ComponentType)
{
    /// <summary>The prefix, e.g. <c>TCS.filter.wheel</c>.</summary>
    public Prefix Prefix { get; init; } = Prefix ?? throw new ArgumentNullException(nameof(Prefix));

    /// <summary>For example <c>TCS.filter.wheel-HCD</c>.</summary>
    public override string ToString() => $"{Prefix}-{ComponentType}";
}
