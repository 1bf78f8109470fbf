using System.Text.Json;

namespace MassWork.Visits.Frequency;

internal sealed class FrequencyPolicyRecordConfiguration : IEntityTypeConfiguration<FrequencyPolicyRecord>
{
    public void Configure(EntityTypeBuilder<FrequencyPolicyRecord> p)
    {
        p.ToTable("frequency_policies");
        p.HasKey(x => x.CityCode);
        p.Property(x => x.CityCode).HasMaxLength(4);
        p.Property(x => x.UpdatedBy).HasMaxLength(100);
        p.Property(x => x.Policy).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<FrequencyPolicy>(v, JsonSerializerOptions.Web)!);
    }
}
