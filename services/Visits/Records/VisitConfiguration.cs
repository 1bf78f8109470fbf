using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Visits.Records;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> v)
    {
        v.HasKey(x => x.Id);
        v.Property(x => x.Id).ValueGeneratedNever();
        v.Property(x => x.ClientId).HasMaxLength(VisitValidator.MaxClientId);
        v.Property(x => x.RecordedBy).HasMaxLength(100);
        // The client id is the user's own: a replay finds the visit, two users' ids never collide.
        v.HasIndex(x => new { x.RecordedBy, x.ClientId }).IsUnique();
        v.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
        v.ComplexProperty(x => x.Place);
        v.Property(x => x.Notes).HasMaxLength(VisitValidator.MaxNotes);
        v.Property(x => x.AidGoods).HasColumnType("jsonb").HasConversion(
            g => JsonSerializer.Serialize(g, JsonSerializerOptions.Web),
            g => JsonSerializer.Deserialize<List<AidGoods>>(g, JsonSerializerOptions.Web) ?? new List<AidGoods>(),
            new ValueComparer<List<AidGoods>>((a, b) => a!.SequenceEqual(b!), g => g.Count, g => g.ToList()));
        v.HasMany(x => x.Households).WithOne().HasForeignKey(h => h.VisitId);
        v.HasMany(x => x.Cadres).WithOne().HasForeignKey(c => c.VisitId);
        v.HasMany(x => x.Demands).WithOne().HasForeignKey(d => d.VisitId);
        v.HasIndex(x => x.VisitedAt);
    }
}
