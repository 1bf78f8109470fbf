using MassWork.Personnel.Imports;

namespace MassWork.ServiceTests.Personnel;

/// <summary>
/// The import's own binary COPY encoding, read back by PostgreSQL itself: every type it writes, with
/// nulls, empty and non-empty text arrays, Chinese text and instants before and after 2000, each
/// row sent by its own COPY from the same buffer.
/// </summary>
[Collection(PersonnelCollection.Name)]
public sealed class BinaryCopyRowsTests(PersonnelFixture service)
{
    [Fact]
    public async Task PostgreSQL_reads_back_every_value_as_it_was_written()
    {
        var rows = new[]
        {
            (Id: Guid.CreateVersion7(), Other: (Guid?)Guid.NewGuid(), Name: "刘桂英", Note: (string?)"五组,9号 \"东\"", Tags: new[] { "低保户", "困难户" },
                Bytes: (byte[]?)[0, 1, 2, 255], At: new DateTimeOffset(2026, 12, 4, 16, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4560), Flag: true, Number: 2_000_000_000),
            (Id: Guid.NewGuid(), Other: null, Name: "", Note: null, Tags: Array.Empty<string>(),
                Bytes: null, At: new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero), Flag: false, Number: -7),
        };
        await using var connection = new NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("personneldb"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE copied (id uuid, other uuid, name varchar(50), note text, tags text[], bytes bytea, at timestamptz, flag boolean, number integer)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        // One buffer for successive COPYs, as an import's writer keeps it: each row is sent on its own.
        var encoded = new BinaryCopyRows(capacity: 16);
        foreach (var row in rows)
        {
            encoded.StartRow(9);
            encoded.Uuid(row.Id);
            encoded.Uuid(row.Other);
            encoded.Text(row.Name);
            encoded.Text(row.Note);
            encoded.TextArray(row.Tags);
            encoded.Bytes(row.Bytes);
            encoded.TimestampTz(row.At);
            encoded.Boolean(row.Flag);
            encoded.Int32(row.Number);
            await encoded.CopyAsync(connection, "COPY copied (id, other, name, note, tags, bytes, at, flag, number) FROM STDIN (FORMAT BINARY)", CancellationToken.None);
        }

        await using var select = new NpgsqlCommand("SELECT id, other, name, note, tags, bytes, at, flag, number, array_ndims(tags) FROM copied ORDER BY number DESC", connection);
        await using var reader = await select.ExecuteReaderAsync();
        foreach (var row in rows)
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(row.Id, reader.GetGuid(0));
            Assert.Equal(row.Other, reader.IsDBNull(1) ? null : reader.GetGuid(1));
            Assert.Equal(row.Name, reader.GetString(2));
            Assert.Equal(row.Note, reader.IsDBNull(3) ? null : reader.GetString(3));
            Assert.Equal(row.Tags, reader.GetFieldValue<string[]>(4));
            Assert.Equal(row.Bytes, reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5));
            Assert.Equal(row.At, reader.GetFieldValue<DateTimeOffset>(6));
            Assert.Equal(row.Flag, reader.GetBoolean(7));
            Assert.Equal(row.Number, reader.GetInt32(8));
            // An empty array has no dimension, as PostgreSQL writes '{}' itself.
            Assert.Equal(row.Tags.Length == 0 ? null : (int?)1, reader.IsDBNull(9) ? null : reader.GetInt32(9));
        }

        Assert.False(await reader.ReadAsync());
    }
}
