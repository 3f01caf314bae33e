namespace Csw.Cli.Shell;

/// <summary>Where the shell's lines come from: a terminal with line editing, or a pipe.</summary>
internal interface IShellInput
{
    /// <summary>The next line, after showing <paramref name="prompt"/> where that makes sense; null at the end of input.</summary>
    string? ReadLine(string prompt);
}
