namespace Csw.Command.Internal.Replies;

/// <summary>Something waiting in the <see cref="TimeoutWheel"/>; the links live in the entry so the wheel allocates nothing.</summary>
internal interface ITimeoutEntry
{
    /// <summary>The bucket the entry is in, null when not in the wheel.</summary>
    TimeoutWheel.Bucket? Bucket { get; set; }

    /// <summary>The previous entry in the bucket.</summary>
    ITimeoutEntry? Previous { get; set; }

    /// <summary>The next entry in the bucket.</summary>
    ITimeoutEntry? Next { get; set; }

    /// <summary>When it expires, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    long Deadline { get; set; }

    /// <summary>Called once, off the wheel's locks, when the deadline has passed.</summary>
    void Expire();
}
