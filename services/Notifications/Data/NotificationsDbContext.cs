using MassWork.Notifications.Notices;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Notice> Notices => Set<Notice>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notice>(n =>
        {
            n.HasKey(x => x.Id);
            n.HasIndex(x => x.HouseholdId);
            n.Property(x => x.RegionCode).HasMaxLength(12);
            n.HasIndex(x => x.RegionCode).HasOperators("varchar_pattern_ops");
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            n.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Text).HasMaxLength(500);
        });
    }
}
