using System.Text;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// What every human-readable line passes through on its way out (standard output and error): any
/// control character is shown, not obeyed (<see cref="TerminalText"/>), except line feeds and — when
/// colour is on — the colour codes (`ESC [ … m`) the renderers themselves write. The renderers
/// clean what they print already; this is the guarantee that nothing they forget reaches a terminal.
/// JSON passes through unchanged: its strings carry no raw control character. With
/// <paramref name="tabs"/> (`--plain`) a tab passes too: it separates the fields of a record.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner, bool colour, bool tabs = false) : TextWriter
{
    // Where we are in a colour code: outside one, after ESC, or inside `ESC [` before its `m`.
    private enum State { Text, Escape, Parameters }

    private readonly StringBuilder _pending = new();
    private State _state;

    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>The writer underneath, for output that is written as bytes (JSON documents).</summary>
    public TextWriter Inner => inner;

    public override void Write(char value)
    {
        switch (_state)
        {
            case State.Escape when value == '[':
                _pending.Append(value);
                _state = State.Parameters;
                return;
            case State.Parameters when char.IsAsciiDigit(value) || value == ';':
                _pending.Append(value);
                return;
            case State.Parameters when value == 'm':
                inner.Write(_pending.Append(value).ToString());
                _pending.Clear();
                _state = State.Text;
                return;
            case State.Escape or State.Parameters:
                FlushPending();
                break;
        }

        if (value == '\e' && colour)
        {
            _pending.Append(value);
            _state = State.Escape;
            return;
        }

        inner.Write((value is '\n' or '\r' && IsNewLine(value)) || (value == '\t' && tabs) ? value : TerminalText.Shown(value));
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (_state == State.Text && value.AsSpan().IndexOfAny('\e', '\r') < 0 && !HasUnsafe(value, tabs))
        {
            inner.Write(value);
            return;
        }

        foreach (char c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        FlushPending();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    // A line feed is kept; so is the carriage return of a CRLF new line, when that is the writer's.
    private bool IsNewLine(char value) => value == '\n' || inner.NewLine == "\r\n";

    private static bool HasUnsafe(string value, bool tabs)
    {
        foreach (char c in value)
        {
            if (c != '\n' && !(c == '\t' && tabs) && TerminalText.IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // An ESC that did not start a colour code: shown, with whatever followed it.
    private void FlushPending()
    {
        foreach (char c in _pending.ToString())
        {
            inner.Write(TerminalText.Shown(c));
        }

        _pending.Clear();
        _state = State.Text;
    }
}
