using System.Text.Json;
using MassWork.Visits.Records;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Visits.Meetings;

internal sealed class AnalysisMeetingConfiguration : IEntityTypeConfiguration<AnalysisMeeting>
{
    public void Configure(EntityTypeBuilder<AnalysisMeeting> m)
    {
        m.ToTable("analysis_meetings");
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.VillageCode).HasMaxLength(12);
        m.Property(x => x.RecordedBy).HasMaxLength(100);
        m.Property(x => x.FollowUps).HasColumnType("jsonb").HasConversion(
            f => JsonSerializer.Serialize(f, JsonSerializerOptions.Web),
            f => JsonSerializer.Deserialize<List<FollowUp>>(f, JsonSerializerOptions.Web) ?? new List<FollowUp>(),
            new ValueComparer<List<FollowUp>>((a, b) => a!.SequenceEqual(b!), f => f.Count, f => f.ToList()));
        // A quarter's meetings of a village, of a region (codes matched by prefix).
        m.HasIndex(x => new { x.VillageCode, x.HeldOn }).HasOperators("varchar_pattern_ops", "date_ops");
    }
}
