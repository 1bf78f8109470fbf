namespace MassWork.Petitions.PublicQuery;

public sealed class QueryCodeConfiguration : IEntityTypeConfiguration<QueryCode>
{
    public void Configure(EntityTypeBuilder<QueryCode> q)
    {
        q.ToTable("query_codes");
        q.HasKey(x => x.Id);
        q.Property(x => x.CodeHash).HasMaxLength(32);
        q.Property(x => x.PhoneHash).HasMaxLength(32);
        q.HasIndex(x => new { x.CaseId, x.IssuedAt });
    }
}

public sealed class QuerySessionConfiguration : IEntityTypeConfiguration<QuerySession>
{
    public void Configure(EntityTypeBuilder<QuerySession> s)
    {
        s.ToTable("query_sessions");
        s.HasKey(x => x.TokenHash);
        s.Property(x => x.TokenHash).HasMaxLength(32);
        s.HasIndex(x => x.ExpiresAt);
    }
}
