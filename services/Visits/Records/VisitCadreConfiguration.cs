namespace MassWork.Visits.Records;

internal sealed class VisitCadreConfiguration : IEntityTypeConfiguration<VisitCadre>
{
    public void Configure(EntityTypeBuilder<VisitCadre> c)
    {
        c.ToTable("visit_cadres");
        c.HasKey(x => new { x.VisitId, x.CadreId });
        c.HasIndex(x => x.CadreId);
    }
}
