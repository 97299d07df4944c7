using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;

namespace Posyandu.Referrals.Tests;

/// <summary>Reading the routing overrides CSV: each good line becomes one list of one topic in one desa; each bad one says why.</summary>
public sealed class RoutingCsvTests
{
    private const string Header = "kode_desa,topik,jenis,peran\n";
    private static readonly HashSet<string> Desa = ["64.02.01.2001", "64.02.01.2098"];
    private static readonly string[] Topics = ["PR-RTLH", "KS-BALITA", "SO-KEKERASAN"];

    [Fact]
    public void Good_lines_name_the_desa_topic_list_and_roles_as_typed_in_a_spreadsheet()
    {
        var lines = Read(Header +
            "64.02.01.2001,pr-rtlh,utama,KASI_PEM+kades\n" +
            "6402012001,PR-RTLH,Tembusan,TIDAK ADA\n" +
            "64.02.01.2098,KS-BALITA,eskalasi,camat + puskesmas + CAMAT\n" +
            "64.02.01.2098,KS-BALITA,utama,bawaan\n");

        Assert.Equal(
            [
                new RoutingOverrideRow("64.02.01.2001", "PR-RTLH", RoutingList.Primary, ["KASI_PEM", "KADES"]),
                new RoutingOverrideRow("64.02.01.2001", "PR-RTLH", RoutingList.Copy, []),
                new RoutingOverrideRow("64.02.01.2098", "KS-BALITA", RoutingList.Escalation, ["CAMAT", "PUSKESMAS"]),
                new RoutingOverrideRow("64.02.01.2098", "KS-BALITA", RoutingList.Primary, null),
            ],
            lines.Select(l => l.Row),
            RowComparer.Instance);
        Assert.Equal([2, 3, 4, 5], lines.Select(l => l.Line));
    }

    [Fact]
    public void A_semicolon_file_with_a_byte_order_mark_and_trailing_empty_rows_reads_the_same()
    {
        var lines = Read("\uFEFFkode_desa;topik;jenis;peran\n64.02.01.2001;PR-RTLH;utama;KASI_PEM\n;;;\n");

        var line = Assert.Single(lines);
        Assert.Equal(new RoutingOverrideRow("64.02.01.2001", "PR-RTLH", RoutingList.Primary, ["KASI_PEM"]), line.Row, RowComparer.Instance);
    }

    [Theory]
    [InlineData("64.02.01.2050,PR-RTLH,utama,KADES", "desa 64.02.01.2050 tidak ada di roster")]
    [InlineData("64.02.01,PR-RTLH,utama,KADES", "bukan kode desa")]
    [InlineData("99.02.01.2001,PR-RTLH,utama,KADES", "kode_desa '99.02.01.2001': kode provinsi 99 tidak dikenal")]
    [InlineData("64.02.01.2001,PR-RUMAH,utama,KADES", "topik 'PR-RUMAH' tidak dikenal")]
    [InlineData("64.02.01.2001,PR-RTLH,pertama,KADES", "jenis 'pertama' tidak dikenal")]
    [InlineData("64.02.01.2001,PR-RTLH,utama,KADES+BUPATI", "peran 'BUPATI' tidak dikenal")]
    [InlineData("64.02.01.2001,PR-RTLH,utama,KADER", "KADER tidak menerima rujukan")]
    [InlineData("64.02.01.2001,PR-RTLH,utama,TIDAK_ADA", "penerima utama tidak boleh TIDAK_ADA")]
    [InlineData("64.02.01.2001,PR-RTLH,tembusan,", "peran kosong")]
    [InlineData(",PR-RTLH,utama,KADES", "kode_desa kosong")]
    public void A_bad_line_is_refused_with_its_reason(string line, string reason)
    {
        var lines = Read(Header + "64.02.01.2098,PR-RTLH,utama,KADES\n" + line + "\n");

        Assert.NotNull(lines[0].Row);
        Assert.Equal(3, lines[1].Line);
        Assert.Null(lines[1].Row);
        Assert.Contains(reason, lines[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_line_for_the_same_desa_topic_and_list_is_refused_naming_the_first()
    {
        var lines = Read(Header +
            "64.02.01.2001,PR-RTLH,utama,KASI_PEM\n" +
            "64.02.01.2001,PR-RTLH,tembusan,KADES\n" +
            "6402012001,pr-rtlh,UTAMA,KADES\n");

        Assert.NotNull(lines[1].Row);
        Assert.Null(lines[2].Row);
        Assert.Equal("desa, topik dan jenis sama dengan baris 2", lines[2].Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    public void An_empty_file_is_one_refused_line(string text)
    {
        var line = Assert.Single(Read(text));

        Assert.Equal((1, (RoutingOverrideRow?)null), (line.Line, line.Row));
        Assert.StartsWith("berkas kosong", line.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_header_is_one_refused_line_naming_the_missing_columns()
    {
        var line = Assert.Single(Read("kode_wilayah,topik,peran\n64.02.01.2001,PR-RTLH,KADES\n"));

        Assert.Equal(1, line.Line);
        Assert.Equal("kolom wajib tidak ada: kode_desa, jenis (judul kolom: kode_desa,topik,jenis,peran)", line.Problem);
    }

    private static IReadOnlyList<RoutingCsvLine> Read(string text) => RoutingCsv.Read(text, Desa, Topics);

    private sealed class RowComparer : IEqualityComparer<RoutingOverrideRow?>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(RoutingOverrideRow? x, RoutingOverrideRow? y) =>
            x is null || y is null
                ? x is null && y is null
                : (x.DesaKode, x.Topic, x.List) == (y.DesaKode, y.Topic, y.List) && (x.Roles is null ? y.Roles is null : y.Roles is not null && x.Roles.SequenceEqual(y.Roles));

        public int GetHashCode(RoutingOverrideRow? obj) => obj is null ? 0 : HashCode.Combine(obj.DesaKode, obj.Topic, obj.List);
    }
}
