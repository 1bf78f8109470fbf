using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MassWork.Blobs.Photos;

/// <summary>The columns of <see cref="StoredPhoto"/>, configured alike in every service that keeps photos.</summary>
public static class StoredPhotoConfiguration
{
    public static void ConfigureStoredPhoto<T>(this EntityTypeBuilder<T> p)
        where T : StoredPhoto
    {
        p.HasKey(x => x.Id);
        p.Property(x => x.Id).ValueGeneratedNever();
        p.Property(x => x.Sha256).HasMaxLength(ContentHash.Length).IsFixedLength();
        p.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        p.Property(x => x.FileName).HasMaxLength(PhotoIntake.MaxFileName);
        p.Property(x => x.UploadedBy).HasMaxLength(100);
    }
}
