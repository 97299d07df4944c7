using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>The draft lives in the database: a host restarted mid-form carries on where the kader was.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_a_draft_resumes_at_the_next_question()
    {
        var host = new TelegramTestHost();
        try
        {
            await host.LinkAsync(TelegramUser.Siti);
            await RtlhJourney.StartAsync(host, TelegramUser.Siti);
            var next = await host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "Budi Santoso"));
            Assert.Contains(next, m => m.Text.Contains("NIK", StringComparison.OrdinalIgnoreCase));

            host = host.Restart();

            await RtlhJourney.AnswerRestAsync(host, TelegramUser.Siti);
            var number = await RtlhJourney.SubmitAsync(host, TelegramUser.Siti);
            var report = await host.GetJsonAsync($"/api/reports/{number}");
            Assert.Contains("Budi Santoso", report.ToJsonString(), StringComparison.Ordinal);
            host.AssertNoErrors();
        }
        finally
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task A_reply_waiting_for_its_retry_when_the_host_stops_goes_out_after_the_restart()
    {
        var host = new TelegramTestHost();
        try
        {
            await host.LinkAsync(TelegramUser.Siti);
            host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 429, retryAfter: 2);
            var before = host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
            using (var response = await host.PostUpdateAsync(Updates.Text(TelegramUser.Siti, "menu")))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }

            await Eventually.Get(() => host.BotApi.Calls.FirstOrDefault(c => !c.Succeeded), "the 429");
            var due = await Eventually.Get(async () => (await host.OutboxToAsync(TelegramUser.Siti)).FirstOrDefault(o => o is { Status: OutboxStatus.Pending, Attempts: 1 }), "the retry to be stored");

            // The retry was scheduled in the stopped host's in-memory Hangfire and is gone with it; the database still has
            // it. The new host's first sweep finds it once its stored time has come.
            host = host.Restart();
            await Eventually.True(() => DateTimeOffset.UtcNow > due.NextAttemptAt, "the stored retry time");
            _ = host.Services;

            var replies = await host.RepliesAfterAsync(TelegramUser.Siti, before);
            Assert.Contains(replies, m => m.InlineButtons.Any(b => b.Label.Contains("Perumahan", StringComparison.Ordinal)));
            host.AssertNoErrors();
        }
        finally
        {
            host.Dispose();
        }
    }
}
