using System.Text.Json;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Frequency;

internal sealed class FrequencyPolicyRecordConfiguration : IEntityTypeConfiguration<FrequencyPolicyRecord>
{
    public void Configure(EntityTypeBuilder<FrequencyPolicyRecord> p)
    {
        p.ToTable("frequency_policies");
        CityPolicyStore.Configure<FrequencyPolicyRecord, FrequencyPolicy>(p, JsonSerializerOptions.Web);
    }
}
