using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class NumberingTests
{
    private static readonly DateTimeOffset November = new(2025, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Numbers_run_per_bidang_per_month()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        await using var db = host.Db();

        Assert.Equal("PR-2511-0001", await NextAsync(db, "PR", November));
        Assert.Equal("PR-2511-0002", await NextAsync(db, "PR", November));
        Assert.Equal("KS-2511-0001", await NextAsync(db, "KS", November));
        Assert.Equal("PR-2511-0003", await NextAsync(db, "PR", November.AddDays(5)));
        Assert.Equal("PR-2512-0001", await NextAsync(db, "PR", November.AddDays(15)));
        Assert.Equal("KS-2512-0001", await NextAsync(db, "KS", November.AddDays(15)));
    }

    [Fact]
    public async Task The_month_is_the_desa_local_month()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        await using var db = host.Db();

        // 30 November 16:30 UTC is already 1 December 00:30 in Kalimantan Timur (WITA), still November in Jakarta (23:30 WIB).
        var instant = new DateTimeOffset(2025, 11, 30, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal("PR-2512-0001", await ReportNumbers.NextAsync(db, "PR", instant, WilayahTimeZone.For("64.02.01.2001"), CancellationToken.None));
        Assert.Equal("PR-2511-0001", await ReportNumbers.NextAsync(db, "PR", instant, WilayahTimeZone.For("31.71.01.1001"), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_transactions_never_share_a_number()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = host.Db();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var number = await NextAsync(db, "PR", November);
            await transaction.CommitAsync();
            return number;
        }));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"PR-2511-{n:D4}"), numbers.Order());
    }

    private static Task<string> NextAsync(Persistence.PosyanduDb db, string bidang, DateTimeOffset at) =>
        ReportNumbers.NextAsync(db, bidang, at, WilayahTimeZone.For("64.02.01.2001"), CancellationToken.None);
}
