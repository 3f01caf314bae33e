using System.Security.Cryptography;

namespace Csw.Command.Internal;

/// <summary>
/// Makes the request ids that CswNet's clients send with each Submit and Oneway (the same id in every
/// retry of it): 32 hex digits, 64 random bits drawn once per process then a counter that starts at a
/// random value. Unique within the process, and no likelier than a Guid's to meet another process's
/// in the few minutes a component remembers them; a Guid per id would cost a system call each
/// (<see cref="Guid.NewGuid"/> reads the kernel's random source), about half a microsecond.
/// </summary>
internal static class RequestIds
{
    private static readonly ulong ProcessBits = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    private static long _counter = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    public static string New() =>
        string.Create(32, (ulong)Interlocked.Increment(ref _counter), static (text, counter) =>
        {
            ProcessBits.TryFormat(text[..16], out _, "x16");
            counter.TryFormat(text[16..], out _, "x16");
        });
}
