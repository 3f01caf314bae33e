namespace Csw.Cli.Shell;

/// <summary>
/// Where the shell prints, from the loop and from watches running in the background. While the
/// line editor shows a prompt, a background line is printed above it and the prompt redrawn, so
/// that what the operator is typing is never broken up.
/// </summary>
internal sealed class ShellOutput(TextWriter writer)
{
    /// <summary>Held while printing or redrawing, so that lines and the prompt never interleave.</summary>
    private readonly Lock _lock = new();

    /// <summary>The editor showing a prompt now, or null while a submission runs or input is piped.</summary>
    private LineEditor? _editor;

    /// <summary>The writer underneath, for output that cannot go line by line.</summary>
    public TextWriter Writer => writer;

    /// <summary>Prints one line (or several, separated by newlines).</summary>
    public void WriteLine(string text)
    {
        lock (_lock)
        {
            _editor?.ClearLine();
            writer.WriteLine(text);
            writer.Flush();
            _editor?.Redraw();
        }
    }

    /// <summary>Runs <paramref name="draw"/> with no line printed in between.</summary>
    public void Draw(Action<TextWriter> draw)
    {
        lock (_lock)
        {
            draw(writer);
            writer.Flush();
        }
    }

    /// <summary>Marks <paramref name="editor"/> as showing a prompt (or none, with null).</summary>
    public void SetEditor(LineEditor? editor)
    {
        lock (_lock)
        {
            _editor = editor;
        }
    }
}
