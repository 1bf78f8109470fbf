namespace MassWork.Petitions.Deadlines;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> d)
    {
        d.HasKey(x => x.Day);
        d.Property(x => x.Name).HasMaxLength(CalendarCsv.MaxNameLength);
    }
}
