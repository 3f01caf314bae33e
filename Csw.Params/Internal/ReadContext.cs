using System.Text;

namespace Csw.Params.Internal;

/// <summary>
/// The state of one read beside the JSON reader: where we are (a stack of property names and array
/// indices, turned into a JSON path only when something fails), the limits, and the element budget.
/// </summary>
internal sealed class ReadContext
{
    [ThreadStatic]
    private static ReadContext? t_cached;

    /// <summary>Property names of the open frames; null marks an array frame.</summary>
    private string?[] _names = new string?[16];

    /// <summary>Current element index of each array frame.</summary>
    private int[] _indices = new int[16];

    /// <summary>Number of open frames.</summary>
    private int _depth;

    public CswJsonOptions Options { get; private set; } = CswJsonOptions.Default;

    /// <summary>Elements the current parameter may still hold.</summary>
    public long Budget;

    public static ReadContext Rent(CswJsonOptions options)
    {
        var context = t_cached ?? new ReadContext();
        t_cached = null;
        context.Options = options;
        context._depth = 0;
        context.ResetBudget();
        return context;
    }

    public static void Return(ReadContext context) => t_cached = context;

    public void ResetBudget() => Budget = Options.MaxElements;

    public void Enter(string name)
    {
        if (_depth == _names.Length)
        {
            Grow();
        }
        _names[_depth++] = name;
    }

    public void EnterArray()
    {
        if (_depth == _names.Length)
        {
            Grow();
        }
        _names[_depth] = null;
        _indices[_depth++] = 0;
    }

    public void SetIndex(int index) => _indices[_depth - 1] = index;

    public void Exit() => _depth--;

    public string Path
    {
        get
        {
            var path = new StringBuilder("$");
            for (var i = 0; i < _depth; i++)
            {
                var name = _names[i];
                if (name is null)
                {
                    path.Append('[').Append(_indices[i]).Append(']');
                }
                else if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    path.Append('.').Append(name);
                }
                else
                {
                    path.Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                }
            }
            return path.ToString();
        }
    }

    public CswJsonException Fail(string problem, long? byteOffset, Exception? inner = null)
        => new(problem, Path, byteOffset, inner);

    private void Grow()
    {
        Array.Resize(ref _names, _names.Length * 2);
        Array.Resize(ref _indices, _indices.Length * 2);
    }
}
