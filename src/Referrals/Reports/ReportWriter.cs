using Posyandu.Conversation.Dialog;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Reports;

/// <summary>Stores a confirmed form as a numbered report of the reporter's desa, inside the inbound message's transaction.</summary>
internal static class ReportWriter
{
    public static async Task<Report> StoreAsync(WorkUnit work, Person reporter, SubmittedForm submitted, string channel, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var bidang = submitted.Form.Bidang.ToUpperInvariant();
        // Pending changes are flushed first: numbering may roll back to a savepoint, which must not take them along.
        await db.SaveChangesAsync(cancellationToken);
        var number = await ReportNumbers.NextAsync(db, bidang, work.Now, WilayahTimeZone.For(reporter.KodeWilayah), cancellationToken);

        var report = new Report
        {
            Number = number,
            Topic = submitted.Form.Topic,
            Bidang = bidang,
            ReporterId = reporter.Id,
            Reporter = reporter,
            DesaKode = reporter.KodeWilayah,
            PosyanduId = reporter.PosyanduId,
            Channel = channel,
            SubmittedAt = work.Now,
            Urgency = submitted.Assessment.Urgency,
            AnswersJson = ReportJson.Serialize(submitted.Answers),
            LinesJson = ReportJson.Serialize(submitted.Lines),
            AssessmentJson = ReportJson.Serialize(submitted.Assessment),
            Address = Limit(submitted.Address, 500),
            RtRw = Limit(submitted.RtRw, 16),
            Latitude = submitted.Location?.Latitude,
            Longitude = submitted.Location?.Longitude,
            PhotosJson = ReportJson.Serialize(submitted.PhotoIds),
            Confidential = submitted.Form.Confidential,
            HideReporter = submitted.Assessment.HideReporter,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static string? Limit(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
