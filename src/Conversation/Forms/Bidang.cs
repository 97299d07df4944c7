namespace Posyandu.Conversation.Forms;

/// <summary>The six fields of minimum public service a Posyandu serves (Permendagri 13/2024).</summary>
public sealed record Bidang(string Code, string Name)
{
    public static readonly IReadOnlyList<Bidang> All =
    [
        new("KS", "Kesehatan"),
        new("PD", "Pendidikan"),
        new("PU", "Pekerjaan Umum"),
        new("PR", "Perumahan Rakyat"),
        new("TR", "Trantibumlinmas"),
        new("SO", "Sosial"),
    ];

    public static Bidang? Find(string code) =>
        All.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));
}
