using Posyandu.Conversation;
using Posyandu.Conversation.Forms;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>
/// A kader filling PR-RTLH through the real dialog engine: answers whichever question the bot asked last, by field, until
/// the summary, then sends <c>kirim</c>. The answers describe a crowded, badly damaged house (sempit, kerusakan berat).
/// </summary>
public static class RtlhWalk
{
    public const string Address = "Jl. Mawar No. 3, Dusun Sukamaju";
    public static readonly GeoPoint Pin = new(-0.43, 116.12);

    private static readonly Dictionary<string, object> Answers = new()
    {
        ["nama_kk"] = "Budi Santoso",
        ["nik_kk"] = "lewati",
        ["jumlah_penghuni"] = "6 orang",
        ["luas_lantai"] = "30",
        ["atap"] = Option("rusak_berat"),
        ["dinding"] = Option("bambu_papan_lapuk"),
        ["lantai"] = Option("tanah"),
        ["struktur"] = Option("kokoh"),
        ["jamban"] = Option("tidak_ada"),
        ["air"] = Option("sumur_tidak_terlindung"),
        ["listrik"] = "ya",
        ["status_tanah"] = Option("milik_tanpa_sertifikat"),
        ["penghasilan"] = Option("lt1"),
        ["bantuan_sebelumnya"] = "tidak",
        ["alamat"] = Address,
        ["rt_rw"] = "RT 3 RW 4",
        ["lokasi"] = Inbound.OfLocation(Pin),
        ["catatan"] = "lewati",
    };

    /// <summary>Walks a linked kader's chat from the menu to a submitted report; returns the bot's last reply (the confirmation).</summary>
    public static async Task<Reply> SubmitAsync(TestHost host, string address, string photoId, IDictionary<string, object>? overrides = null)
    {
        var form = FormCatalog.LoadDefault().Find("PR-RTLH")!;
        await host.SendAsync(address, Inbound.OfChoice("m:PR"));
        await host.SendAsync(address, Inbound.OfChoice("t:PR-RTLH"));

        var photoSent = false;
        for (var step = 0; step < 60; step++)
        {
            var last = await host.LastReplyAsync(address);
            if (last.Text.Contains("Ringkasan laporan", StringComparison.Ordinal))
            {
                await host.SayAsync(address, "kirim");
                return await host.LastReplyAsync(address);
            }

            var field = form.Fields.LastOrDefault(f => last.Text.Contains(f.Question, StringComparison.Ordinal))
                ?? (last.Text.Contains("Foto ke-1 diterima", StringComparison.Ordinal) ? form.Field("foto") : null)
                ?? throw new InvalidOperationException($"Unexpected question: {last.Text}");

            object answer = field.Name switch
            {
                "foto" when !photoSent => Inbound.OfPhoto(photoId),
                "foto" => "selesai",
                _ when overrides?.TryGetValue(field.Name, out var given) == true => given,
                _ => Answers[field.Name],
            };
            photoSent |= field.Name == "foto";
            await host.SendAsync(address, answer switch
            {
                Inbound inbound => inbound,
                OptionOf option => Inbound.OfText(option.Number(field)),
                _ => Inbound.OfText((string)answer),
            });
        }

        throw new InvalidOperationException("The form never reached its summary.");
    }

    public static OptionOf Option(string value) => new(value);

    /// <summary>Answers a choice by the number of the option with this value, as a kader would type it.</summary>
    public sealed record OptionOf(string Value)
    {
        public string Number(FieldDefinition field) =>
            (field.Options.Select((o, i) => (o, i)).Single(x => x.o.Value == Value).i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
