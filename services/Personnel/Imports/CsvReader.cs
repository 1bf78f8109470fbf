using System.Text;

namespace MassWork.Personnel.Imports;

/// <summary>A CSV record and the file line it starts on (1-based, header included), for error reports.</summary>
public readonly record struct CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Streaming RFC 4180 reader: comma separated, double quotes around fields that hold commas,
/// quotes ("") or line breaks; blank lines are skipped. Reads one record at a time, synchronously:
/// it runs on a file or a buffered body in a background import, where per-line async costs more
/// than it saves.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line;

    public IEnumerable<CsvRecord> ReadAll(CancellationToken cancellationToken = default)
    {
        while (ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = _line;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = new List<string>(16);
            var inQuotes = false;
            _field.Clear();
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (!inQuotes)
                    {
                        break;
                    }

                    // A quoted field continues on the next physical line.
                    var next = ReadLine();
                    if (next is null)
                    {
                        break;
                    }

                    _field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        _field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (c == '"' && _field.Length == 0)
                {
                    inQuotes = true;
                }
                else
                {
                    _field.Append(c);
                }
            }

            fields.Add(_field.ToString());
            yield return new CsvRecord(start, fields);
        }
    }

    private string? ReadLine()
    {
        var line = reader.ReadLine();
        if (line is not null)
        {
            _line++;
        }

        return line;
    }
}
