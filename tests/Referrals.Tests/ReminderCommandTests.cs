using Posyandu.Conversation;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>BERHENTI / MULAI (and STOP / START): the person's reminder setting, acknowledged; alerts still flow.</summary>
public sealed class ReminderCommandTests
{
    [Theory]
    [InlineData("BERHENTI", true)]
    [InlineData("stop", true)]
    [InlineData("Berhenti.", true)]
    [InlineData("MULAI", false)]
    [InlineData("start", false)]
    [InlineData("/start", null)]
    [InlineData("berhenti merokok", null)]
    public void Reads_the_words(string text, bool? expected) =>
        Assert.Equal(expected, ReminderCommand.TryParse(Inbound.OfText(text)));

    [Fact]
    public async Task Berhenti_and_mulai_set_the_persons_reminders_and_are_acknowledged()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("1001", "0812-5123-4501");

        await host.SayAsync("1001", "BERHENTI");
        Assert.Contains("tidak akan menerima pengingat", (await host.LastReplyAsync("1001")).Text, StringComparison.Ordinal);
        Assert.True((await host.PersonAsync("+6281251234501")).RemindersOptOut);
        Assert.Single(await host.Get<ReminderQueries>().OptOutsAsync(CancellationToken.None), p => p.Nama == "Siti Rahmah");

        await host.SayAsync("1001", "start");
        Assert.Contains("aktif kembali", (await host.LastReplyAsync("1001")).Text, StringComparison.Ordinal);
        Assert.False((await host.PersonAsync("+6281251234501")).RemindersOptOut);

        // START while reminders are on is the menu word it always was; MULAI says they are on.
        await host.SayAsync("1001", "start");
        Assert.DoesNotContain("pengingat", (await host.LastReplyAsync("1001")).Text, StringComparison.OrdinalIgnoreCase);
        await host.SayAsync("1001", "mulai");
        Assert.Contains("sudah aktif", (await host.LastReplyAsync("1001")).Text, StringComparison.Ordinal);
        Assert.Empty(await host.Get<ReminderQueries>().OptOutsAsync(CancellationToken.None));
    }
}
