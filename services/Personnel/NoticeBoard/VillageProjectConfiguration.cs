using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Personnel.NoticeBoard;

internal sealed class VillageProjectConfiguration : IEntityTypeConfiguration<VillageProject>
{
    public void Configure(EntityTypeBuilder<VillageProject> p)
    {
        p.HasKey(x => x.ProjectId);
        p.Property(x => x.ProjectId).ValueGeneratedNever();
        p.Property(x => x.RegionCode).HasMaxLength(12);
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Category).HasMaxLength(20);
        p.Property(x => x.Sources).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<ProjectSourceLine>>(v, JsonSerializerOptions.Web) ?? new List<ProjectSourceLine>(),
            new ValueComparer<List<ProjectSourceLine>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        p.Property(x => x.Payees).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<ProjectPayeeLine>>(v, JsonSerializerOptions.Web) ?? new List<ProjectPayeeLine>(),
            new ValueComparer<List<ProjectPayeeLine>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        // The board reads a village's projects still on notice.
        p.HasIndex(x => new { x.RegionCode, x.OnNoticeUntil });
    }
}
