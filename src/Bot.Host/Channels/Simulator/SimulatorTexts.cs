namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>The simulator API's answers to bad input, short and in Bahasa Indonesia (the page shows them as they are).</summary>
internal static class SimulatorTexts
{
    public const string NotJson = "Pesan harus dikirim sebagai JSON.";
    public const string UnreadableJson = "Pesan tidak dapat dibaca. Periksa format JSON-nya.";
    public const string UnknownPerson = "Orang itu tidak ada di daftar. Pilih orang dari daftar di kiri.";
    public const string EmptyMessage = "Pesan kosong. Ketik pesan, tekan tombol, atau kirim lokasi.";
    public const string OneKindOnly = "Kirim satu jenis pesan saja: teks, tombol, atau lokasi.";
    public const string TextTooLong = "Pesan terlalu panjang (maksimal 4096 huruf).";
    public const string ChoiceTooLong = "Data tombol tidak sah.";
    public const string BadLocation = "Lokasi tidak sah: lintang -90 s.d. 90 dan bujur -180 s.d. 180.";
    public const string NotForm = "Foto harus dikirim sebagai formulir (multipart/form-data).";
    public const string UnreadableForm = "Formulir tidak dapat dibaca.";
    public const string NoPhoto = "Pilih foto yang akan dikirim.";
    public const string EmptyPhoto = "File foto kosong.";
    public const string PhotoTooLarge = "Foto terlalu besar (maksimal 10 MB).";
    public const string NotAnImage = "Hanya foto JPEG, PNG, WebP atau GIF yang dapat dikirim.";
    public const string CaptionTooLong = "Keterangan foto terlalu panjang (maksimal 1024 huruf).";
    public const string BadCursor = "Parameter 'after' harus berupa angka 0 atau lebih.";
    public const string BadMediaId = "Nomor foto tidak sah.";
    public const string BadViewer = "Parameter 'viewer' harus berupa nomor orang dari daftar.";
    public const string SealedMessage = "🔒 Pesan rahasia. Isinya hanya terlihat oleh penerimanya.";
    public const string UnknownChannel = "Kanal harus telegram, whatsapp atau sms.";
}
