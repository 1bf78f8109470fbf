namespace MassWork.Petitions.Departments;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> d)
    {
        d.HasKey(x => x.Code);
        d.Property(x => x.Code).HasMaxLength(40);
        d.Property(x => x.Name).HasMaxLength(100);
        d.Property(x => x.RegionCode).HasMaxLength(12);
        d.HasIndex(x => x.StaffUserIds).HasMethod("gin");
    }
}
