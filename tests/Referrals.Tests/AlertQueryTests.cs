using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>A report's alerts look their recipients' chats up in one query, however many officials receive it.</summary>
public class AlertQueryTests
{
    private const string SitiChat = "1001";
    private const string PhotoId = "0123456789abcdef0123456789abcdef.jpg";

    [Fact]
    public async Task Ten_more_recipients_cost_no_more_queries_than_three()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync(SitiChat, "0812-5123-4501");

        var withThree = await ChatQueriesDuringReportAsync(host);

        // Ten more Kasi Kesejahteraan in Perian: primary recipients of every RTLH report there, each with a chat.
        var lines = Enumerable.Range(10, 10).Select(i => $"KASI_KESRA,Petugas {i},0813-5111-00{i},64.02.01.2001,Perian,,,");
        var imported = await host.ImportAsync("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\n" + string.Join('\n', lines) + "\n");
        Assert.Equal(0, imported.Refused);
        for (var i = 10; i < 20; i++)
        {
            await host.LinkAsync($"30{i}", $"0813-5111-00{i}");
        }

        var withThirteen = await ChatQueriesDuringReportAsync(host);

        // The first report alerted 3 officials, the second 13; the ten new ones on the chats they linked.
        await using var db = host.Db();
        Assert.Equal(16, await db.Outbox.CountAsync(o => o.Kind == OutboxKind.Alert));
        Assert.Equal(10, await db.Outbox.CountAsync(o => o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Pending && o.Address!.StartsWith("30")));
        Assert.True(withThree > 0, "The log shows no statement reading chat links: the count would prove nothing.");
        Assert.Equal(withThree, withThirteen);
    }

    /// <summary>Walks a whole RTLH report and counts the statements that read chat links.</summary>
    private static async Task<int> ChatQueriesDuringReportAsync(TestHost host)
    {
        host.Logs.Entries.Clear();
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        return host.Logs.Entries.Count(e => e.Message.Contains("Executed DbCommand", StringComparison.Ordinal)
                                            && e.Message.Contains("FROM \"ChannelLinks\"", StringComparison.Ordinal));
    }
}
