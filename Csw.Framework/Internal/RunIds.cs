using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// Makes the runIds the supervisor gives commands: random version-4 UUIDs, like <c>new Id()</c>,
/// drawn from the per-thread <see cref="Random.Shared"/> rather than from the operating system.
/// <c>Guid.NewGuid</c> reads /dev/urandom on Linux, a system call that took a fifth of the CPU
/// of an immediately completing command; a runId must be unique, not unguessable.
/// </summary>
internal static class RunIds
{
    public static Id New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        // Guid's little-endian layout: the version is the high nibble of byte 7, the variant the top bits of byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Id(new Guid(bytes).ToString());
    }
}
