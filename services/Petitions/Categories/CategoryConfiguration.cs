namespace MassWork.Petitions.Categories;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> c)
    {
        c.HasKey(x => x.Code);
        c.Property(x => x.Code).HasMaxLength(40);
        c.Property(x => x.Name).HasMaxLength(60);
        c.Property(x => x.Group).HasMaxLength(60);
        c.Property(x => x.Description).HasMaxLength(500);
        c.Property(x => x.WorkOrderClass).HasMaxLength(40);
    }
}
