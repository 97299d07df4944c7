using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Persistence;

/// <summary>
/// The database: roster, chats, sessions, reports, referrals and the outbox. Provider-neutral; each provider has a
/// subclass (<see cref="SqlitePosyanduDb"/>, <see cref="PostgresPosyanduDb"/>) that owns its migrations.
/// </summary>
public abstract class PosyanduDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Wilayah> Wilayah => Set<Wilayah>();
    public DbSet<PosyanduRecord> Posyandu => Set<PosyanduRecord>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ChannelLink> ChannelLinks => Set<ChannelLink>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<InboundRecord> Inbound => Set<InboundRecord>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportCounter> ReportCounters => Set<ReportCounter>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralRecipient> ReferralRecipients => Set<ReferralRecipient>();
    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DashboardSignIn> DashboardSignIns => Set<DashboardSignIn>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<ReminderRecipient> ReminderRecipients => Set<ReminderRecipient>();
    public DbSet<RoutingOverride> RoutingOverrides => Set<RoutingOverride>();

    /// <summary>
    /// Serialises the messages of one chat across every process sharing this database, until the current transaction
    /// ends. Nothing to do where one process owns the database (SQLite): the in-process chat lock already orders them.
    /// </summary>
    public virtual Task LockChatAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.CompletedTask;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so the database reads on its own and reordering an enum never corrupts rows.
        configurationBuilder.Properties<Urgency>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<WilayahLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReferralStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RecipientKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReferralEventKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReminderKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReminderRunStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReminderRecipientStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RoutingList>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Wilayah>(e =>
        {
            e.HasKey(w => w.Kode);
            e.Property(w => w.Kode).HasMaxLength(13);
            e.Property(w => w.Nama).HasMaxLength(100);
        });

        modelBuilder.Entity<PosyanduRecord>(e =>
        {
            e.ToTable("Posyandu");
            e.Property(p => p.DesaKode).HasMaxLength(13);
            e.Property(p => p.Nama).HasMaxLength(100);
            e.HasIndex(p => new { p.DesaKode, p.Nama }).IsUnique();
        });

        modelBuilder.Entity<Person>(e =>
        {
            e.Property(p => p.Peran).HasMaxLength(32);
            e.Property(p => p.Nama).HasMaxLength(100);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.KodeWilayah).HasMaxLength(13);
            e.Property(p => p.Bidang).HasMaxLength(2);
            e.HasIndex(p => p.Phone).IsUnique();
            e.HasIndex(p => new { p.KodeWilayah, p.Peran });
            e.HasOne(p => p.Posyandu).WithMany().HasForeignKey(p => p.PosyanduId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChannelLink>(e =>
        {
            e.Property(l => l.Channel).HasMaxLength(20);
            e.Property(l => l.Address).HasMaxLength(64);
            e.HasIndex(l => new { l.Channel, l.Address }).IsUnique();
            e.HasIndex(l => l.PersonId);
            e.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SessionRecord>(e =>
        {
            e.HasKey(s => s.PersonId);
            e.Property(s => s.PersonId).ValueGeneratedNever();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithOne().HasForeignKey<SessionRecord>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InboundRecord>(e =>
        {
            e.Property(i => i.Channel).HasMaxLength(20);
            e.Property(i => i.PlatformMessageId).HasMaxLength(100);
            e.HasIndex(i => new { i.Channel, i.PlatformMessageId }).IsUnique();
        });

        modelBuilder.Entity<Report>(e =>
        {
            e.Property(r => r.Number).HasMaxLength(20);
            e.Property(r => r.Topic).HasMaxLength(40);
            e.Property(r => r.Bidang).HasMaxLength(2);
            e.Property(r => r.DesaKode).HasMaxLength(13);
            e.Property(r => r.Channel).HasMaxLength(20);
            e.Property(r => r.Address).HasMaxLength(500);
            e.Property(r => r.RtRw).HasMaxLength(16);
            e.HasIndex(r => r.Number).IsUnique();
            // Lists page newest first over what an area may see: the index answers the filter and the order without the rows.
            e.HasIndex(r => new { r.SubmittedAt, r.Id, r.Confidential, r.DesaKode, r.Bidang });
            e.HasIndex(r => new { r.DesaKode, r.Bidang });
            e.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Posyandu).WithMany().HasForeignKey(r => r.PosyanduId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReportCounter>(e =>
        {
            e.HasKey(c => new { c.Bidang, c.Period });
            e.Property(c => c.Bidang).HasMaxLength(2);
            e.Property(c => c.Period).HasMaxLength(4);
        });

        modelBuilder.Entity<Referral>(e =>
        {
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.ReportId).IsUnique();
            e.HasIndex(r => new { r.Status, r.AckDeadline });
            e.HasIndex(r => r.ReminderAt);
            e.HasIndex(r => r.EscalateAt);
            e.HasIndex(r => r.FollowUpAt);
            e.HasOne(r => r.Report).WithOne(r => r.Referral).HasForeignKey<Referral>(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.AcknowledgedBy).WithMany().HasForeignKey(r => r.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Recipients).WithOne().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Events).WithOne().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReferralRecipient>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(300);
            e.HasIndex(r => new { r.ReferralId, r.PersonId }).IsUnique();
            e.HasIndex(r => r.PersonId);
            e.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReferralEvent>(e =>
        {
            e.Property(r => r.Note).HasMaxLength(1000);
            e.Property(r => r.Channel).HasMaxLength(20);
            e.HasIndex(r => new { r.ReferralId, r.At });
            e.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.Property(o => o.Channel).HasMaxLength(20);
            e.Property(o => o.Address).HasMaxLength(64);
            e.Property(o => o.LastError).HasMaxLength(500);
            e.Property(o => o.PlatformMessageId).HasMaxLength(100);
            e.Property(o => o.DeliveryStatus).HasMaxLength(16);
            e.HasIndex(o => o.PlatformMessageId);
            e.HasIndex(o => new { o.Channel, o.Address, o.Status });
            e.HasIndex(o => new { o.Status, o.NextAttemptAt });
            e.HasIndex(o => new { o.PersonId, o.Status });
            e.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Referral>().WithMany().HasForeignKey(o => o.ReferralId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DashboardSignIn>(e =>
        {
            e.Property(s => s.Phone).HasMaxLength(20);
            e.Property(s => s.CodeHash).HasMaxLength(64);
            e.Property(s => s.Salt).HasMaxLength(32);
            e.HasIndex(s => new { s.Phone, s.CreatedAt });
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReminderRun>(e =>
        {
            e.Property(r => r.Zone).HasMaxLength(4);
            e.HasIndex(r => new { r.Kind, r.Zone, r.Occurrence }).IsUnique();
            e.HasIndex(r => new { r.Status, r.DueAt });
            e.HasMany(r => r.Recipients).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReminderRecipient>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(200);
            e.HasIndex(r => new { r.RunId, r.PersonId }).IsUnique();
            e.HasIndex(r => new { r.RunId, r.Status });
            e.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.OutboxMessage).WithMany().HasForeignKey(r => r.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<RoutingOverride>(e =>
        {
            e.Property(o => o.DesaKode).HasMaxLength(13);
            e.Property(o => o.Topic).HasMaxLength(40);
            e.Property(o => o.Roles).HasMaxLength(400);
            e.HasIndex(o => new { o.DesaKode, o.Topic, o.List }).IsUnique();
        });
    }

    // A modified row carries the version it was read with in the WHERE clause and the next one in the SET clause.
    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }
}
