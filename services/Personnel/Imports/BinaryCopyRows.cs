using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MassWork.Personnel.Imports;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (the COPY page of its manual, "Binary Format"), encoded
/// into one buffer and sent as they are. Npgsql's importer looks up and binds the type of every
/// value it is given (41 million over a million-household import); here a value costs its bytes:
/// the importer's CPU for a million households went from 45.4 s to 43.2 s (personnel benchmark,
/// "import CPU"). Only the types the import writes, each in the form its column takes: uuid, text
/// and varchar (UTF-8), text[], bytea, boolean, integer, timestamptz.
/// </summary>
public sealed class BinaryCopyRows
{
    /// <summary>PGCOPY\n\377\r\n\0: bytes, not text (0xFF is no UTF-8).</summary>
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>The element type of a text[] value (pg_type.oid of text); array_recv refuses any other for a text[] column.</summary>
    private const int TextOid = 25;

    private readonly ArrayBufferWriter<byte> _buffer;

    public BinaryCopyRows(int capacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity);
        StartFile();
    }

    public void StartRow(short fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(2), fields);
        _buffer.Advance(2);
    }

    public void Null() => Int32Raw(-1);

    public void Uuid(Guid value)
    {
        var span = _buffer.GetSpan(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        // uuid_recv takes the 16 bytes in RFC 9562 order.
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
        _buffer.Advance(20);
    }

    public void Uuid(Guid? value)
    {
        if (value is { } v)
        {
            Uuid(v);
        }
        else
        {
            Null();
        }
    }

    /// <summary>text or varchar: UTF-8, the connection's client encoding.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var span = _buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _buffer.Advance(4 + length);
    }

    public void Int32(int value)
    {
        Int32Raw(4);
        Int32Raw(value);
    }

    public void Boolean(bool value)
    {
        Int32Raw(1);
        _buffer.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        _buffer.Advance(1);
    }

    public void Bytes(byte[]? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Int32Raw(value.Length);
        _buffer.Write(value);
    }

    /// <summary>Microseconds since 2000-01-01 UTC.</summary>
    public void TimestampTz(DateTimeOffset value)
    {
        var span = _buffer.GetSpan(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        _buffer.Advance(12);
    }

    /// <summary>A one-dimensional text[] without nulls; an empty one has no dimension.</summary>
    public void TextArray(IReadOnlyList<string> values)
    {
        var start = _buffer.WrittenCount;
        Int32Raw(0);
        Int32Raw(values.Count == 0 ? 0 : 1);
        Int32Raw(0);
        Int32Raw(TextOid);
        if (values.Count > 0)
        {
            Int32Raw(values.Count);
            Int32Raw(1);
            foreach (var value in values)
            {
                Text(value);
            }
        }

        // The field's length, known once its elements are written.
        BinaryPrimitives.WriteInt32BigEndian(MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span.Slice(start, 4), _buffer.WrittenCount - start - 4);
    }

    /// <summary>
    /// Sends the rows with their trailer by <paramref name="copyFromStdin"/> (a <c>COPY … FROM STDIN (FORMAT BINARY)</c>).
    /// Sent or not, the rows are then gone and the buffer takes the next ones. An import keeps one per
    /// writer: a new one of several megabytes a chunk went to the large-object heap and made most of
    /// an import's collections full ones (figures: README, the personnel benchmark).
    /// </summary>
    public async Task CopyAsync(NpgsqlConnection connection, string copyFromStdin, CancellationToken cancellationToken)
    {
        try
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(2), -1);
            _buffer.Advance(2);
            await using var copy = await connection.BeginRawBinaryCopyAsync(copyFromStdin, cancellationToken);
            await copy.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        }
        finally
        {
            _buffer.ResetWrittenCount();
            StartFile();
        }
    }

    private void StartFile()
    {
        _buffer.Write(Signature);
        // Flags, then the length of the header extension: none.
        Int32Raw(0);
        Int32Raw(0);
    }

    private void Int32Raw(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }
}
