using System.Text.Json;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Deadlines;

internal sealed class PolicyRecordConfiguration : IEntityTypeConfiguration<PolicyRecord>
{
    public void Configure(EntityTypeBuilder<PolicyRecord> p) => CityPolicyStore.Configure<PolicyRecord, PetitionPolicy>(p, JsonSerializerOptions.Web);
}
