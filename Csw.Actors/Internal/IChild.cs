namespace Csw.Actors.Internal;

/// <summary>An actor as its parent sees it: it has a name without building its path.</summary>
internal interface IChild
{
    /// <summary>The name among its siblings.</summary>
    string Name { get; }
}
