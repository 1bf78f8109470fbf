using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Personnel.Pairings;

internal sealed class AssignmentProposalConfiguration : IEntityTypeConfiguration<AssignmentProposal>
{
    public void Configure(EntityTypeBuilder<AssignmentProposal> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.RegionCode).HasMaxLength(12);
        a.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.CreatedBy).HasMaxLength(100);
        a.Property(x => x.DecidedBy).HasMaxLength(100);
        a.Property(x => x.Items).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<ProposedPairing>>(v, JsonSerializerOptions.Web) ?? new List<ProposedPairing>(),
            new ValueComparer<List<ProposedPairing>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
    }
}
