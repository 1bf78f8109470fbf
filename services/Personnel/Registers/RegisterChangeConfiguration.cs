using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Personnel.Registers;

public sealed class RegisterChangeConfiguration : IEntityTypeConfiguration<RegisterChange>
{
    public void Configure(EntityTypeBuilder<RegisterChange> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).UseIdentityAlwaysColumn();
        c.Property(x => x.Subject).HasConversion<string>().HasMaxLength(10);
        c.Property(x => x.Action).HasConversion<string>().HasMaxLength(10);
        c.Property(x => x.Reason).HasMaxLength(200);
        c.Property(x => x.By).HasMaxLength(100);
        c.Property(x => x.Changes).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<FieldChange>>(v, JsonSerializerOptions.Web) ?? new List<FieldChange>(),
            new ValueComparer<List<FieldChange>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        c.HasIndex(x => new { x.Subject, x.SubjectId });
    }
}
