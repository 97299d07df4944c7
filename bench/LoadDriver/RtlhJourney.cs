using System.Globalization;
using System.Text.Json.Nodes;

namespace Posyandu.Bench.LoadDriver;

/// <summary>
/// A kader reporting a rumah tidak layak huni, message by message as kader answer (menu buttons, typed words and numbers,
/// a roof button, a location pin, a photo, <c>kirim</c>); after <c>kirim</c> the next report starts from the menu again.
/// </summary>
internal static class RtlhJourney
{
    private static readonly string[] Names = ["Budi Santoso", "Siti Aminah", "Ahmad Yani", "Rukmini", "Hendra Wijaya", "Nurhayati", "La Ode Hasan", "Made Sutama"];
    private static readonly string[] People = ["dua", "tiga orang", "4", "5 orang", "enam orang", "7", "8 jiwa"];
    private static readonly string[] Floors = ["tanah", "papan", "semen retak", "1"];
    private static readonly string[] Structures = ["kokoh", "miring", "2"];

    /// <summary>Messages in one report, from the menu to <c>kirim</c>.</summary>
    public const int Length = 24;

    /// <summary>The index of <c>kirim</c>: its reply carries the report number.</summary>
    public const int Submit = Length - 1;

    public static JsonObject Step(SimulatedPerson kader, int step, Random random)
    {
        string Text(string[] choices) => choices[random.Next(choices.Length)];
        string Number(int min, int max) => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);

        return step switch
        {
            0 => Updates.Text(kader, "menu"),
            1 => Updates.Callback(kader, "m:PR"),
            2 => Updates.Callback(kader, "t:PR-RTLH"),
            3 => Updates.Text(kader, Text(Names)),
            4 => Updates.Text(kader, "lewati"),
            5 => Updates.Text(kader, Text(People)),
            6 => Updates.Text(kader, $"{Number(18, 60)} m2"),
            7 => Updates.Callback(kader, $"c:atap:{Number(2, 3)}"),
            8 => Updates.Text(kader, Number(3, 4)),
            9 => Updates.Text(kader, Text(Floors)),
            10 => Updates.Text(kader, Text(Structures)),
            11 => Updates.Text(kader, Number(2, 3)),
            12 => Updates.Text(kader, Number(1, 3)),
            13 => Updates.Text(kader, random.Next(2) == 0 ? "ya" : "tidak"),
            14 => Updates.Text(kader, "1"),
            15 => Updates.Text(kader, "1"),
            16 => Updates.Text(kader, "tidak"),
            17 => Updates.Text(kader, $"Jl. Poros Desa No. {Number(1, 120)}, dekat masjid"),
            18 => Updates.Text(kader, $"RT {Number(1, 12)} RW {Number(1, 6)}"),
            19 => Updates.Location(kader, -0.6 - random.NextDouble() / 10, 116.5 + random.NextDouble() / 10),
            20 => Updates.Photo(kader, "tampak depan"),
            21 => Updates.Text(kader, "selesai"),
            22 => Updates.Text(kader, "lewati"),
            _ => Updates.Text(kader, "kirim"),
        };
    }
}
