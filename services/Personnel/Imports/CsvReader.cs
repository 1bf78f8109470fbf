using System.Text;

namespace MassWork.Personnel.Imports;

/// <summary>A CSV record and the file line it starts on (1-based, header included), for error reports.</summary>
public readonly record struct CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Streaming RFC 4180 reader: comma separated, double quotes around fields that hold commas,
/// quotes ("") or line breaks (\n, \r\n or \r; kept as \n); blank lines are skipped. It scans a
/// block buffer and makes a string only for a field that is asked for, so a pass that needs one
/// column (<see cref="FieldSpan"/>) allocates nothing per line. Synchronous: it runs on a file in
/// a background import, where per-line async costs more than it saves.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly List<(int Start, int Length)> _fields = new(16);
    private readonly StringBuilder _unquoted = new();
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private int _length;
    private bool _endOfInput;
    private int _linesDone;

    /// <summary>The line the current record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount => _fields.Count;

    /// <summary>
    /// Every record with its fields. A cell equal to the one above it shares its string: household
    /// files repeat the household's columns on each member's line.
    /// </summary>
    public IEnumerable<CsvRecord> ReadAll(CancellationToken cancellationToken = default)
    {
        string[] previous = [];
        while (Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = new string[_fields.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = i < previous.Length && FieldSpan(i).SequenceEqual(previous[i]) ? previous[i] : Field(i);
            }

            previous = fields;
            yield return new CsvRecord(Line, fields);
        }
    }

    /// <summary>Moves to the next record that is not a blank line; false at the end of the input.</summary>
    public bool Read()
    {
        _start += _length;
        _length = 0;
        while (true)
        {
            if (!Scan(out var lines))
            {
                return false;
            }

            Line = _linesDone + 1;
            _linesDone += lines;
            if (_fields is not [(_, 0)])
            {
                return true;
            }

            // A blank line: step over it.
            _start += _length;
            _length = 0;
        }
    }

    public string Field(int index)
    {
        var (start, length) = _fields[index];
        var raw = _buffer.AsSpan(_start + start, length);
        return raw is ['"', ..] ? Unquote(raw) : new string(raw);
    }

    /// <summary>The field's text without allocating when it was not quoted; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> FieldSpan(int index)
    {
        if (index >= _fields.Count)
        {
            return [];
        }

        var (start, length) = _fields[index];
        var raw = _buffer.AsSpan(_start + start, length);
        return raw is ['"', ..] ? Unquote(raw) : raw;
    }

    /// <summary>
    /// Finds the end of the record at <see cref="_start"/>, reading more input as needed, and notes
    /// where its fields lie (relative to the record's start, so a buffer shift keeps them right).
    /// </summary>
    private bool Scan(out int lines)
    {
        while (true)
        {
            _fields.Clear();
            lines = 1;
            var fieldStart = 0;
            var inQuotes = false;
            var position = 0;
            while (true)
            {
                if (_start + position + 1 >= _end && !_endOfInput)
                {
                    // Keep one character of look-ahead (for "" and \r\n) inside the buffer.
                    break;
                }

                if (_start + position >= _end)
                {
                    if (position == 0)
                    {
                        return false;
                    }

                    _fields.Add((fieldStart, position - fieldStart));
                    _length = position;
                    return true;
                }

                var c = _buffer[_start + position];
                var next = _start + position + 1 < _end ? _buffer[_start + position + 1] : '\0';
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        position += next == '"' ? 2 : 1;
                        inQuotes = next == '"';
                    }
                    else
                    {
                        lines += c == '\n' || (c == '\r' && next != '\n') ? 1 : 0;
                        position++;
                    }
                }
                else if (c == ',')
                {
                    _fields.Add((fieldStart, position - fieldStart));
                    fieldStart = ++position;
                }
                else if (c == '"' && position == fieldStart)
                {
                    inQuotes = true;
                    position++;
                }
                else if (c is '\n' or '\r')
                {
                    _fields.Add((fieldStart, position - fieldStart));
                    _length = position + (c == '\r' && next == '\n' ? 2 : 1);
                    return true;
                }
                else
                {
                    position++;
                }
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _endOfInput = read == 0;
        _end += read;
    }

    /// <summary>A quoted field: quotes removed, "" made ", line breaks made \n; text after the closing quote is kept.</summary>
    private string Unquote(ReadOnlySpan<char> raw)
    {
        _unquoted.Clear();
        var inQuotes = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!inQuotes)
            {
                if (c == '"' && _unquoted.Length == 0)
                {
                    inQuotes = true;
                }
                else
                {
                    _unquoted.Append(c);
                }
            }
            else if (c == '"')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    _unquoted.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '\r')
            {
                _unquoted.Append('\n');
                i += i + 1 < raw.Length && raw[i + 1] == '\n' ? 1 : 0;
            }
            else
            {
                _unquoted.Append(c);
            }
        }

        return _unquoted.ToString();
    }
}
