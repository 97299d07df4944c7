using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Texts;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// Sign-in to the dashboard without a password: a 6-digit code sent through the outbox to the official's linked chat,
/// valid <see cref="Validity"/>, <see cref="MaxAttempts"/> tries, stored only as a salted PBKDF2 hash. Every number typed
/// gets a request record and the same answers, so nobody can learn from the dashboard whether a number is in the roster.
/// </summary>
public sealed class SignInCodes(IDbContextFactory<PosyanduDb> dbFactory, IOutboxScheduler scheduler, TimeProvider time, ILogger<SignInCodes> logger)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(15);
    public const int MaxAttempts = 5;
    /// <summary>Codes a number may ask for within <see cref="Pause"/>: enough for a slow chat, too few to flood one.</summary>
    public const int MaxRequests = 5;

    private const int Iterations = 100_000;
    private const string UsedText = "(Kode masuk dasbor ini sudah tidak berlaku.)";

    /// <summary>
    /// Asks for a code for <paramref name="rawPhone"/>. A code is sent only to an official with a reachable chat, but the
    /// answer is the same for any well-formed number; null only when the text is no Indonesian phone number.
    /// </summary>
    public async Task<SignInRequest?> RequestAsync(string? rawPhone, CancellationToken cancellationToken)
    {
        var phone = Conversation.Parsing.PhoneNumbers.ToE164(rawPhone);
        if (phone is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        ChatAddress? chat = null;
        long requestId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A pause starts at most one code's validity after its request, so looking that far back finds every pause in force.
            var since = now - Pause - Validity;
            var recent = await db.DashboardSignIns
                .Where(s => s.Phone == phone && s.CreatedAt > since)
                .OrderByDescending(s => s.Id)
                .ToListAsync(cancellationToken);
            var paused = recent.Select(s => s.PausedUntil).Where(p => p > now).Max();
            if (paused is { } until)
            {
                return new SignInRequest(recent[0].Id, until);
            }

            var request = new DashboardSignIn { Phone = phone, CreatedAt = now, ExpiresAt = now + Validity };
            if (recent.Count(s => s.CreatedAt > now - Pause) >= MaxRequests)
            {
                request.PausedUntil = now + Pause;
                logger.LogWarning("Dashboard sign-in for {Phone}: too many codes asked, paused", Conversation.Parsing.PhoneNumbers.Mask(phone));
            }
            else
            {
                var official = await db.People.AsNoTracking()
                    .FirstOrDefaultAsync(p => p.Phone == phone && p.Peran != Peran.Kader, cancellationToken);
                chat = official is null ? null : await OutboxWriter.BestChatAsync(db, official.Id, cancellationToken);
                if (official is not null && chat is not null)
                {
                    var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                    var salt = RandomNumberGenerator.GetBytes(16);
                    request.PersonId = official.Id;
                    request.Salt = Convert.ToBase64String(salt);
                    request.CodeHash = Hash(code, salt);

                    var work = new WorkUnit(db, now);
                    await work.Outbox.ToPersonAsync(official.Id, OutboxKind.Notice, DashboardTexts.SignInCode(code, Validity), null, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    request.OutboxMessageId = db.Outbox.Local.Single().Id;
                }

                // Only the newest code counts; the older ones' messages no longer show a usable code.
                foreach (var older in recent.Where(s => s.UsedAt is null && s.ExpiresAt > now))
                {
                    older.ExpiresAt = now;
                }

                await BlankAsync(db, recent.Where(s => s.UsedAt is null).Select(s => s.OutboxMessageId), cancellationToken);
            }

            db.DashboardSignIns.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            requestId = request.Id;
            if (request.PausedUntil is { } pausedNow)
            {
                return new SignInRequest(requestId, pausedNow);
            }
        }

        if (chat is { } address)
        {
            scheduler.DeliverSoon(address.Channel, address.Address);
            logger.LogInformation("Dashboard sign-in code sent to {Phone} on {Channel}", Conversation.Parsing.PhoneNumbers.Mask(phone), address.Channel);
        }
        else
        {
            logger.LogInformation("Dashboard sign-in asked for {Phone}: no official with a chat, no code sent", Conversation.Parsing.PhoneNumbers.Mask(phone));
        }

        return new SignInRequest(requestId, null);
    }

    /// <summary>Checks a code typed for request <paramref name="requestId"/>; on success the request is used up.</summary>
    public async Task<SignInResult> VerifyAsync(long requestId, string? typed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var code = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The try is counted first, in one statement, so that parallel tries cannot exceed the limit.
        var counted = await db.DashboardSignIns
            .Where(s => s.Id == requestId && s.UsedAt == null && s.Attempts < MaxAttempts && (s.PausedUntil == null || s.PausedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
        var request = await db.DashboardSignIns.FirstOrDefaultAsync(s => s.Id == requestId, cancellationToken);
        if (request is null || request.UsedAt is not null)
        {
            return SignInResult.Expired;
        }

        if (counted == 0)
        {
            return request.PausedUntil is { } until && until > now ? SignInResult.PausedUntil(until) : SignInResult.Expired;
        }

        if (request.ExpiresAt <= now)
        {
            return SignInResult.Expired;
        }

        if (request is { CodeHash: { } hash, Salt: { } salt, PersonId: { } personId } && code.Length == 6
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(hash), Convert.FromBase64String(Hash(code, Convert.FromBase64String(salt)))))
        {
            request.UsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await BlankAsync(db, [request.OutboxMessageId], cancellationToken);
            logger.LogInformation("Dashboard sign-in of person {PersonId}", personId);
            return SignInResult.SignedIn(personId);
        }

        if (request.Attempts >= MaxAttempts)
        {
            request.PausedUntil = now + Pause;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Dashboard sign-in for {Phone}: {Attempts} wrong codes, paused", Conversation.Parsing.PhoneNumbers.Mask(request.Phone), request.Attempts);
            return SignInResult.PausedUntil(request.PausedUntil.Value);
        }

        return SignInResult.Wrong(MaxAttempts - request.Attempts);
    }

    private static string Hash(string code, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(code, salt, Iterations, HashAlgorithmName.SHA256, 32));

    /// <summary>The code stays in the chat, not in the outbox table: a message whose code can no longer be used is blanked.</summary>
    private static async Task BlankAsync(PosyanduDb db, IEnumerable<long?> outboxIds, CancellationToken cancellationToken)
    {
        var ids = outboxIds.OfType<long>().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var blank = OutboxPayload.Serialize(Reply.Plain(UsedText) with { Confidential = true });
        await db.Outbox.Where(o => ids.Contains(o.Id) && o.Status != OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PayloadJson, blank), cancellationToken);
    }
}

/// <summary>The answer to a code request: its id (kept by the browser, protected) and, when too many were asked, until when to wait.</summary>
public sealed record SignInRequest(long Id, DateTimeOffset? PausedUntil);

/// <summary>The outcome of a typed code: signed in as a person, wrong (tries left), expired or used, or paused.</summary>
public sealed record SignInResult(SignInOutcome Outcome, long? PersonId = null, int TriesLeft = 0, DateTimeOffset? Until = null)
{
    public static readonly SignInResult Expired = new(SignInOutcome.Expired);

    public static SignInResult SignedIn(long personId) => new(SignInOutcome.SignedIn, personId);

    public static SignInResult Wrong(int triesLeft) => new(SignInOutcome.Wrong, TriesLeft: triesLeft);

    public static SignInResult PausedUntil(DateTimeOffset until) => new(SignInOutcome.Paused, Until: until);
}

/// <summary>What a typed code led to.</summary>
public enum SignInOutcome { SignedIn, Wrong, Expired, Paused }
