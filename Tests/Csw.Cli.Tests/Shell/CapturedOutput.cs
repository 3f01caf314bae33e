using System.Text;

namespace Csw.Cli.Tests.Shell;

/// <summary>A writer that the shell prints to from several threads and a test reads while it does.</summary>
internal sealed class CapturedOutput : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written so far, split into lines.</summary>
    public string[] Lines
    {
        get
        {
            lock (_text)
            {
                return _text.ToString().Split(Environment.NewLine);
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }
}
