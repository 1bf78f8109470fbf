using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MassWork.ServiceDefaults.Audit;

namespace MassWork.ServiceDefaults.Http;

/// <summary>The stored outcome of a create request, replayed when its Idempotency-Key comes again.</summary>
public sealed class IdempotencyRecord : INotAudited
{
    /// <summary>Caller and endpoint the key belongs to: keys of different users never collide.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public required byte[] Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(300);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyFilter<Data.ServiceDbContext>.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}
