using MassWork.Blobs.Photos;
using MassWork.Visits.Records;

namespace MassWork.Visits.Photos;

internal sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<VisitPhoto>
{
    public void Configure(EntityTypeBuilder<VisitPhoto> p)
    {
        p.ConfigureStoredPhoto();
        p.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId);
        p.Property(x => x.Flagged).HasComputedColumnSql("cardinality(flags) > 0", stored: true);
        // A photo is on a visit once; the same bytes on another visit are found by hash.
        p.HasIndex(x => new { x.VisitId, x.Sha256 }).IsUnique();
        p.HasIndex(x => x.Sha256);
        // Figures count the flagged photos of a region's visits.
        p.HasIndex(x => x.VisitId, "ix_visit_photos_flagged").HasFilter("flagged");
    }
}
