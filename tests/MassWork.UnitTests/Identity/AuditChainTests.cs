using MassWork.Identity.Audit;

namespace MassWork.UnitTests.Identity;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(Action<Dictionary<string, object?>>? change = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["PreviousHash"] = AuditChain.Genesis, ["Sequence"] = 7L, ["UserId"] = "town-clerk", ["Region"] = "360731105", ["Action"] = "PUT /api/petitions/categories/{code}",
            ["Changes"] = """[{"entity":"Category","key":"medical","change":"Modified"}]""", ["Entities"] = new[] { "Category:medical" }, ["Roles"] = new[] { "operator" },
            ["At"] = new DateTimeOffset(2026, 12, 2, 2, 31, 7, TimeSpan.Zero), ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        };
        change?.Invoke(fields);
        return new AuditEntry
        {
            Sequence = (long)fields["Sequence"]!, AuditId = new Guid("0193a0c4-7a1e-7000-8000-000000000001"), Service = "MassWork.Petitions", At = (DateTimeOffset)fields["At"]!,
            UserId = (string)fields["UserId"]!, Roles = (string[])fields["Roles"]!, Region = (string)fields["Region"]!, Action = (string)fields["Action"]!,
            TraceId = (string?)fields["TraceId"], Changes = (string)fields["Changes"]!, Entities = (string[])fields["Entities"]!, PreviousHash = (string)fields["PreviousHash"]!,
        };
    }

    [Fact]
    public void The_same_record_after_the_same_hash_always_hashes_alike()
    {
        Assert.Equal(AuditChain.HashOf(Entry()), AuditChain.HashOf(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", AuditChain.HashOf(Entry()));
    }

    public static TheoryData<string, object> Edits => new()
    {
        { "PreviousHash", new string('1', 64) },
        { "Sequence", 8L },
        { "UserId", "someone-else" },
        { "Region", "3607" },
        { "Action", "DELETE /api/petitions/categories/{code}" },
        { "Changes", """[{"entity":"Category","key":"medical","change":"Deleted"}]""" },
        { "Entities", new[] { "Category:other" } },
        { "Roles", new[] { "leader" } },
        { "At", new DateTimeOffset(2026, 12, 2, 2, 31, 8, TimeSpan.Zero) },
        { "TraceId", "00000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Any_field_edited_changes_the_hash(string field, object value)
    {
        Assert.NotEqual(AuditChain.HashOf(Entry()), AuditChain.HashOf(Entry(f => f[field] = value)));
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_each_other()
    {
        // "a" + "b,c" and "a,b" + "c" read alike if fields were only joined; as a JSON array they differ.
        var one = Entry(f => (f["UserId"], f["Region"]) = ("town,clerk", "360731105"));
        var other = Entry(f => (f["UserId"], f["Region"]) = ("town", "clerk,360731105"));
        Assert.NotEqual(AuditChain.HashOf(one), AuditChain.HashOf(other));
    }
}
