namespace Csw.Location;

/// <summary>
/// Which network an HTTP registration is reachable on (CSW's <c>NetworkType</c>; on the wire
/// <c>{"_type": "Inside"}</c> or <c>{"_type": "Outside"}</c>).
/// </summary>
public enum NetworkType
{
    /// <summary>The private network of the observatory (CSW's default); the location uses the service's hostname.</summary>
    Inside,

    /// <summary>The public network; the location uses the service's public hostname.</summary>
    Outside,
}
