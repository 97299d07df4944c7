using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Parsing;

/// <summary>Field definitions shaped like the catalog's (PR-RTLH, KS-BALITA, KS-BUMIL, SO-RENTAN), by name.</summary>
internal static class TestFields
{
    /// <summary>The "today" of every parsing test: a Thursday in November 2025.</summary>
    public static readonly DateOnly Today = new(2025, 11, 20);

    private static readonly Dictionary<string, FieldDefinition> All = new[]
    {
        Field("nama_kk", FieldType.Text) with { Min = 3, Max = 80, Example = "Budi Santoso" },
        Field("catatan", FieldType.Text) with { Optional = true },
        Field("nik_kk", FieldType.Nik),
        Field("jumlah_penghuni", FieldType.Integer) with { Min = 1, Max = 30, Unit = "orang", Example = "5 orang" },
        Field("kk_terdampak", FieldType.Integer) with { Min = 0, Max = 5000 },
        Field("usia", FieldType.Integer) with { Min = 5, Max = 21, Unit = "tahun" },
        Field("usia_kehamilan", FieldType.Integer) with { Min = 1, Max = 42, Unit = "minggu" },
        Field("luas_lantai", FieldType.Decimal) with { Min = 4, Max = 500, Unit = "m2", Example = "30 m2" },
        Field("berat", FieldType.Decimal) with { Min = 1, Max = 35, Unit = "kg" },
        Field("tinggi", FieldType.Decimal) with { Min = 40, Max = 130, Unit = "cm" },
        Field("hb", FieldType.Decimal) with { Min = 3, Max = 20, Unit = "g/dL" },
        Field("listrik", FieldType.YesNo),
        Field("atap", FieldType.Choice) with
        {
            Options =
            [
                new("baik", "Baik"),
                new("bocor_rusak_sebagian", "Bocor atau rusak sebagian") { Aliases = ["bocor"] },
                new("rusak_berat", "Rusak berat"),
                new("daun_rumbia_seng_bekas", "Daun, rumbia atau seng bekas") { Aliases = ["rumbia", "seng bekas", "ijuk"] },
            ],
        },
        Field("lantai", FieldType.Choice) with
        {
            Options =
            [
                new("keramik_semen_baik", "Keramik atau semen baik") { Aliases = ["keramik", "ubin"] },
                new("semen_retak", "Semen retak"),
                new("papan_bambu", "Papan atau bambu") { Aliases = ["kayu", "panggung"] },
                new("tanah", "Tanah"),
            ],
        },
        Field("struktur", FieldType.Choice) with
        {
            Options =
            [
                new("kokoh", "Kokoh"),
                new("miring_retak", "Miring atau retak"),
                new("hampir_roboh", "Hampir roboh"),
            ],
        },
        Field("air", FieldType.Choice) with
        {
            Options =
            [
                new("perpipaan", "Perpipaan (PDAM atau PAMSIMAS)") { Aliases = ["pdam", "ledeng"] },
                new("sumur_terlindung", "Sumur terlindung"),
                new("sumur_tidak_terlindung", "Sumur tidak terlindung"),
                new("sungai_hujan", "Sungai atau air hujan"),
                new("membeli", "Membeli (galon atau isi ulang)") { Aliases = ["galon"] },
            ],
        },
        Field("status_tanah", FieldType.Choice) with
        {
            Options =
            [
                new("milik_sertifikat", "Milik sendiri, bersertifikat") { Aliases = ["sertifikat", "shm"] },
                new("milik_tanpa_sertifikat", "Milik sendiri, tanpa sertifikat"),
                new("bukan_milik", "Bukan milik sendiri") { Aliases = ["sewa", "numpang"] },
                new("tidak_tahu", "Tidak tahu"),
            ],
        },
        Field("jenis_kelamin", FieldType.Choice) with
        {
            Options = [new("L", "Laki-laki"), new("P", "Perempuan")],
        },
        Field("status_kms", FieldType.Choice) with
        {
            Options =
            [
                new("N", "Naik (N)"),
                new("T", "Tidak naik (T)"),
                new("2T", "Tidak naik 2 kali (2T)"),
                new("BGM", "Di bawah garis merah (BGM)"),
                new("tidak_tahu", "Tidak tahu"),
            ],
        },
        Field("tanda_bahaya", FieldType.Multi) with
        {
            Options =
            [
                new("perdarahan", "Perdarahan"),
                new("bengkak", "Bengkak wajah, tangan atau kaki"),
                new("demam", "Demam tinggi"),
                new("sakit_kepala", "Sakit kepala berat atau pandangan kabur"),
                new("ketuban_pecah", "Ketuban pecah"),
                new("gerak_janin", "Gerak janin berkurang"),
                new("tidak_ada", "Tidak ada"),
            ],
        },
        Field("bantuan_diterima", FieldType.Multi) with
        {
            Options =
            [
                new("pkh", "PKH"),
                new("bpnt", "BPNT atau Sembako"),
                new("pbi_jk", "PBI-JK"),
                new("tidak_ada", "Tidak ada"),
                new("tidak_tahu", "Tidak tahu"),
            ],
        },
        Field("tanggal_ukur", FieldType.Date),
        Field("tanggal_kunjungan", FieldType.Date) with { AllowFuture = true },
        Field("telepon", FieldType.Phone),
        Field("rt_rw", FieldType.RtRw),
        Field("foto", FieldType.Photo) with { Optional = true, Max = 3 },
        Field("lokasi", FieldType.Location) with { Optional = true },
    }.ToDictionary(f => f.Name);

    public static FieldDefinition Get(string name) => All[name];

    private static FieldDefinition Field(string name, FieldType type) =>
        new() { Name = name, Type = type, Label = name, Question = name + "?" };
}
