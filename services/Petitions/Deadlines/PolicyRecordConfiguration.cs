using System.Text.Json;

namespace MassWork.Petitions.Deadlines;

internal sealed class PolicyRecordConfiguration : IEntityTypeConfiguration<PolicyRecord>
{
    public void Configure(EntityTypeBuilder<PolicyRecord> p)
    {
        p.HasKey(x => x.CityCode);
        p.Property(x => x.CityCode).HasMaxLength(4);
        p.Property(x => x.Policy).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<PetitionPolicy>(v, JsonSerializerOptions.Web)!);
        p.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
