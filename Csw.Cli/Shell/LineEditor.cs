using System.Text;

namespace Csw.Cli.Shell;

/// <summary>
/// Line editing at an interactive terminal: Left/Right, Home/End (Ctrl+A/E), Backspace/Delete,
/// Ctrl+U to clear, Up/Down through <see cref="ShellHistory"/>, Ctrl+D on an empty line to
/// leave. Lines wider than the terminal are not re-wrapped while editing (a known limit).
/// </summary>
internal sealed class LineEditor(ShellOutput output, ShellHistory history) : IShellInput
{
    /// <summary>The line being edited; changed and drawn only under the output's lock.</summary>
    private readonly StringBuilder _line = new();

    private string _prompt = "";

    /// <summary>Where the next character goes, 0..<c>_line.Length</c>.</summary>
    private int _cursor;

    public string? ReadLine(string prompt)
    {
        _prompt = prompt;
        _line.Clear();
        _cursor = 0;
        // Up/Down move through the history; Count stands for the line being typed, kept aside.
        var recall = history.Count;
        var typed = "";
        output.SetEditor(this);
        output.Draw(_ => Redraw());
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                string? done = null;
                var ended = false;
                output.Draw(writer =>
                {
                    switch (key)
                    {
                        case { Key: ConsoleKey.Enter }:
                            done = _line.ToString();
                            writer.WriteLine();
                            return;
                        case { Key: ConsoleKey.D, Modifiers: ConsoleModifiers.Control } when _line.Length == 0:
                            ended = true;
                            writer.WriteLine();
                            return;
                        case { Key: ConsoleKey.UpArrow } when recall > 0:
                            if (recall == history.Count)
                            {
                                typed = _line.ToString();
                            }
                            Replace(history[--recall]);
                            break;
                        case { Key: ConsoleKey.DownArrow } when recall < history.Count:
                            Replace(++recall == history.Count ? typed : history[recall]);
                            break;
                        default:
                            Edit(key);
                            break;
                    }
                    Redraw();
                });
                if (ended)
                {
                    return null;
                }
                if (done is not null)
                {
                    history.Add(done);
                    return done;
                }
            }
        }
        finally
        {
            output.SetEditor(null);
        }
    }

    /// <summary>Erases the prompt line (a background line is about to be printed in its place).</summary>
    public void ClearLine() => output.Writer.Write("\r\u001b[K");

    /// <summary>Draws the prompt and the line, and puts the terminal's cursor where the editor's is.</summary>
    public void Redraw()
    {
        var writer = output.Writer;
        writer.Write($"\r{_prompt}{_line}\u001b[K");
        if (_cursor < _line.Length)
        {
            writer.Write($"\u001b[{_line.Length - _cursor}D");
        }
    }

    private void Edit(ConsoleKeyInfo key)
    {
        switch (key)
        {
            case { Key: ConsoleKey.Backspace } when _cursor > 0:
                _line.Remove(--_cursor, 1);
                break;
            case { Key: ConsoleKey.Delete } when _cursor < _line.Length:
                _line.Remove(_cursor, 1);
                break;
            case { Key: ConsoleKey.LeftArrow } when _cursor > 0:
                _cursor--;
                break;
            case { Key: ConsoleKey.RightArrow } when _cursor < _line.Length:
                _cursor++;
                break;
            case { Key: ConsoleKey.Home } or { Key: ConsoleKey.A, Modifiers: ConsoleModifiers.Control }:
                _cursor = 0;
                break;
            case { Key: ConsoleKey.End } or { Key: ConsoleKey.E, Modifiers: ConsoleModifiers.Control }:
                _cursor = _line.Length;
                break;
            case { Key: ConsoleKey.U, Modifiers: ConsoleModifiers.Control }:
                Replace("");
                break;
            case { Key: ConsoleKey.Tab }:
                Insert("    ");
                break;
            case { KeyChar: var c } when c != '\0' && !char.IsControl(c):
                Insert(c.ToString());
                break;
        }
    }

    private void Insert(string text)
    {
        _line.Insert(_cursor, text);
        _cursor += text.Length;
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }
}
