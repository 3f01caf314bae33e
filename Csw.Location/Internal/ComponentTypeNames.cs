using Csw.Params;

namespace Csw.Location.Internal;

/// <summary>Component types by name, in any case (as CSW reads them), and never by number.</summary>
internal static class ComponentTypeNames
{
    public static bool TryParse(string? name, out ComponentType componentType)
    {
        foreach (var candidate in Enum.GetValues<ComponentType>())
        {
            if (string.Equals(name, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                componentType = candidate;
                return true;
            }
        }
        componentType = default;
        return false;
    }

    public static string Expected { get; } = string.Join(", ", Enum.GetNames<ComponentType>());
}
