using System.Globalization;
using System.Text;

namespace Posyandu.Bench.LoadDriver;

/// <summary>One simulated person: their roster line's name and phone, and their Telegram chat (private chat id = user id).</summary>
internal sealed record SimulatedPerson(string Nama, string Phone, long ChatId, bool IsKader);

/// <summary>
/// A generated roster in the host's CSV format: desa of 20 kader in 4 Posyandu, each desa with its Kepala Desa and Kasi
/// Kesejahteraan (who receive the RTLH alerts), 50 desa to a kecamatan with its Camat, 50 kecamatan to a kabupaten.
/// </summary>
internal sealed class Roster
{
    private const int KaderPerDesa = 20;
    private const int KaderPerPosyandu = 5;
    private const int DesaPerKecamatan = 50;
    private const int KecamatanPerKabupaten = 50;

    private Roster(IReadOnlyList<SimulatedPerson> kader, IReadOnlyList<SimulatedPerson> officials, string csv)
    {
        Kader = kader;
        Officials = officials;
        Csv = csv;
    }

    public IReadOnlyList<SimulatedPerson> Kader { get; }

    public IReadOnlyList<SimulatedPerson> Officials { get; }

    public string Csv { get; }

    public static Roster Generate(int kaderCount)
    {
        var csv = new StringBuilder("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\n");
        var kader = new List<SimulatedPerson>(kaderCount);
        var officials = new List<SimulatedPerson>();
        var phones = 0;
        SimulatedPerson Line(string peran, string nama, string kode, string wilayah, string posyandu = "", string hari = "", bool isKader = false)
        {
            phones++;
            var phone = "+628135" + phones.ToString("D7", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{peran},{nama},{phone},{kode},{wilayah},{posyandu},{hari},\n");
            return new SimulatedPerson(nama, phone, 6_000_000_000 + phones, isKader);
        }

        var desaCount = (kaderCount + KaderPerDesa - 1) / KaderPerDesa;
        for (var d = 0; d < desaCount; d++)
        {
            var kecamatan = d / DesaPerKecamatan;
            var kabupaten = kecamatan / KecamatanPerKabupaten;
            var kecamatanKode = $"64.{kabupaten + 2:D2}.{kecamatan % KecamatanPerKabupaten + 1:D2}";
            if (d % DesaPerKecamatan == 0)
            {
                officials.Add(Line("CAMAT", $"Camat {kecamatan + 1}", kecamatanKode, $"Kecamatan {kecamatan + 1}"));
            }

            var desaKode = $"{kecamatanKode}.2{d % DesaPerKecamatan + 1:D3}";
            var desa = $"Desa {d + 1}";
            officials.Add(Line("KADES", $"Kades {d + 1}", desaKode, desa));
            officials.Add(Line("KASI_KESRA", $"Kasi Kesra {d + 1}", desaKode, desa));
            for (var k = 0; k < KaderPerDesa && kader.Count < kaderCount; k++)
            {
                var posyandu = k / KaderPerPosyandu + 1;
                kader.Add(Line("KADER", $"Kader {kader.Count + 1}", desaKode, desa, $"Posyandu {posyandu}",
                    (posyandu * 5).ToString(CultureInfo.InvariantCulture), isKader: true));
            }
        }

        return new Roster(kader, officials, csv.ToString());
    }
}
