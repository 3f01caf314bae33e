namespace Csw.Params;

/// <summary>The half of an observing year in an <see cref="ObsId"/>.</summary>
public enum Semester
{
    /// <summary>Semester A.</summary>
    A,
    /// <summary>Semester B.</summary>
    B,
}
