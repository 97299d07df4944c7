using System.Globalization;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Texts;

/// <summary>Every sentence the dialog engine says to a kader, in one place so wording stays consistent and short.</summary>
internal static class DialogTexts
{
    public const string ButtonLewati = "Lewati";
    public const string ButtonSelesai = "Selesai";
    public const string ButtonKirim = "Kirim";
    public const string ButtonLanjut = "Lanjutkan";
    public const string ButtonBaru = "Mulai baru";
    public const string ButtonBantuan = "Bantuan";
    public const string ButtonMenu = "Menu";
    public const string ButtonBatal = "Batal";
    public const string ButtonYesCancel = "Ya, batalkan";
    public const string ButtonNoCancel = "Tidak";

    public static string Greeting(string name) =>
        (string.IsNullOrWhiteSpace(name) ? "Halo" : $"Halo {name.Trim()}") +
        ", selamat datang di Posyandu.Bot. Di sini Bapak/Ibu bisa melaporkan temuan di desa, satu pertanyaan demi satu pertanyaan.";

    public static string Continue(string title) => $"Halo, kita lanjutkan laporan *{title}*.";

    public const string MenuTitle = "Pilih bidang laporan:";
    public const string MenuFooter = "Ketik nomornya atau tekan tombol.";
    public const string MenuUnknown = "Maaf, pilihan itu tidak ada.";

    public static string MenuDraft(string title) => $"Ada draf yang belum selesai: *{title}*. Ketik *lanjut* untuk meneruskan.";

    public static string BidangEmpty(string name) =>
        $"Maaf, laporan untuk bidang {name} belum tersedia. Silakan pilih bidang lain.";

    public static string TopicsTitle(string bidangName) => $"*{bidangName}*: pilih topik laporan:";

    public const string TopicsFooter = "Ketik nomornya atau tekan tombol. Ketik *kembali* untuk memilih bidang lain.";

    public static string FormIntro(string title) =>
        $"*{title}*\nMohon jawab pertanyaan berikut satu per satu. Ketik *kembali* untuk pertanyaan sebelumnya, *bantuan* bila bingung, " +
        "*menu* untuk menyimpan dan keluar, atau *batal* untuk membatalkan.";

    public const string Optional = "(boleh dilewati: ketik *lewati*)";
    public const string ChoiceFooter = "Ketik nomor pilihan atau tekan tombol.";
    public const string MultiFooter = "Boleh lebih dari satu: ketik nomornya, misalnya *1, 3*, atau tekan tombol lalu ketik *selesai*.";

    public static string PhotoKept(int count) => $"Sudah ada {count} foto. Kirim foto lagi untuk menambah, atau ketik *selesai* untuk lanjut.";

    public static string PhotoReceived(int number) => $"Foto ke-{number} diterima. Kirim foto lain atau ketik *selesai*.";

    public static string PhotoLast(int number) => $"Foto ke-{number} diterima.";

    public static string PhotoFull(int max) => $"Sudah ada {max} foto, batas paling banyak. Ketik *selesai* untuk lanjut.";

    public const string PhotoRequired = "Mohon kirim paling sedikit satu foto dulu.";
    public const string NotSkippable = "Pertanyaan ini wajib dijawab, tidak bisa dilewati.";

    public static string Example(string example) => $"Contoh jawaban: {example}";

    public const string WayOut = "Bila bingung, ketik *bantuan*, *menu* atau *batal*.";
    public const string StaleButton = "Maaf, tombol itu untuk pertanyaan sebelumnya.";

    public static string MultiPicked(string labels) => $"Dipilih: {labels}. Tekan pilihan lain, atau ketik *selesai*.";

    public const string MultiNothing = "Belum ada yang dipilih. Tekan salah satu pilihan atau ketik nomornya.";

    public const string CancelQuestion = "Yakin ingin membatalkan laporan ini? Semua jawabannya akan dihapus.\n1. Ya, batalkan\n2. Tidak, lanjutkan";
    public const string CancelUnclear = "Mohon jawab *ya* untuk membatalkan, atau *tidak* untuk melanjutkan.";
    public const string Cancelled = "Laporan dibatalkan dan jawabannya sudah dihapus.";
    public const string NotCancelled = "Baik, laporan tidak dibatalkan.";
    public const string SavedDraft = "Jawaban Bapak/Ibu sudah disimpan sebagai draf.";

    public static string SummaryTitle(string title) => $"*Ringkasan laporan: {title}*";

    public const string SummaryAssessment = "*Hasil penilaian*";
    public const string SummaryFlags = "*Perhatian*";

    /// <summary>The flag of a catalog rule that could not be evaluated (see <see cref="FormAssessor.RuleFailedCode"/>).</summary>
    public const string RuleFailed =
        "Sebagian penilaian otomatis tidak dapat dihitung karena kesalahan aturan; laporan ditandai Darurat agar petugas segera memeriksanya.";

    public static string SummaryUrgency(Urgency urgency) => $"Tingkat kepentingan: *{UrgencyName(urgency)}*";

    public const string SummaryFooter = "Ketik *kirim* untuk mengirim, atau *ubah N* untuk mengubah jawaban nomor N.";
    public const string SummaryHelp = "Periksa jawaban di ringkasan. Bila sudah benar, ketik *kirim*. Untuk memperbaiki jawaban nomor 3, misalnya, ketik *ubah 3*.";
    public const string SummaryNotSent = "Laporan belum terkirim.";
    public const string SummaryNothingToSkip = "Semua pertanyaan sudah dijawab; tidak ada yang perlu dilewati.";

    public static string EditWhich(int count) => $"Mohon sebutkan nomornya, antara 1 dan {count}. Misalnya *ubah 3*.";

    public static string EditNoSuchLine(int line, int count) =>
        $"Nomor {line} tidak ada di ringkasan. Mohon pilih nomor 1 sampai {count}, misalnya *ubah 3*.";

    public static string ResumeOffer(string title, int answered, DateOnly lastWorked) =>
        $"Ada draf laporan *{title}* yang belum selesai ({answered} jawaban, terakhir diisi {AnswerDisplay.Date(lastWorked)}).\n" +
        "Ketik *lanjut* untuk meneruskan, atau *baru* untuk menghapusnya dan mulai dari awal.";

    public static string DraftExpired(string title, DateOnly lastWorked) =>
        $"Draf laporan *{title}* yang terakhir diisi {AnswerDisplay.Date(lastWorked)} sudah dihapus karena tidak dilanjutkan selama {DialogLimits.DraftDays} hari.";

    public static string DraftUnavailable(string topic) =>
        $"Draf laporan {topic} tidak bisa dilanjutkan karena formulirnya sudah tidak tersedia. Mohon maaf atas ketidaknyamanannya.";

    public static string UrgencyName(Urgency urgency) => urgency switch
    {
        Urgency.Darurat => "Darurat",
        Urgency.Segera => "Segera",
        _ => "Biasa",
    };

    public static string Numbered(int number, string text) => string.Create(CultureInfo.InvariantCulture, $"{number}. {text}");
}
