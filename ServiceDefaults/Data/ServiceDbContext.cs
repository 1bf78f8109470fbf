using MassWork.ServiceDefaults.Http;
using MassWork.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Base of every service's DbContext: adds the outbox, inbox and idempotency tables that the
/// shared messaging and HTTP plumbing write in the same transaction as the domain change, and
/// names every table and column in snake_case so hand-written SQL reads naturally.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Outbox rows were saved and await commit before the relay is woken.</summary>
    internal bool OutboxPending { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        ConfigureDomain(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }

    /// <summary>The service's own entities.</summary>
    protected abstract void ConfigureDomain(ModelBuilder modelBuilder);
}
