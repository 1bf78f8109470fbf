using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MassWork.ServiceDefaults.Audit;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// An integration event written in the same transaction as the change that raised it, waiting
/// for the relay. <see cref="Id"/> is the publication order.
/// </summary>
public sealed class OutboxMessage : INotAudited
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>Type name with its assembly, e.g. "MassWork.Contracts.Personnel.V1.HouseholdRegistered, MassWork.Contracts".</summary>
    public required string MessageType { get; set; }

    public required string Payload { get; set; }

    /// <summary>The entity the event is about; events of one aggregate are published in order.</summary>
    public required string AggregateId { get; set; }

    /// <summary>W3C traceparent of the request that raised it, so the consumer joins that trace.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when the row can never be published (its type no longer exists).</summary>
    public DateTimeOffset? FailedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(300);
        // json, not jsonb: the relay only passes the text on, and bulk imports write megabytes of it,
        // which jsonb would parse and pglz compress several times slower than json with lz4.
        builder.Property(m => m.Payload).HasColumnType("json").UseCompressionMethod("lz4");
        builder.Property(m => m.AggregateId).HasMaxLength(100);
        builder.Property(m => m.TraceParent).HasMaxLength(100);
        builder.HasIndex(m => m.Id).HasFilter("sent_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    }
}
