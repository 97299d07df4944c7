using System.Text;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Tests.Parsing;

/// <summary>Buttons, photos, location pins and messages of the wrong kind, for each field type.</summary>
public class AnswerParserMessageTests
{
    private static ParseResult Parse(string field, Inbound message) =>
        AnswerParser.Parse(TestFields.Get(field), message, TestFields.Today);

    [Fact]
    public void Button_data_has_the_sample_callback_format()
    {
        Assert.Equal("c:atap:3", AnswerParser.ChoiceButtonData("atap", 3));
        Assert.Equal("c:listrik:1", AnswerParser.ChoiceButtonData("listrik", 1));
    }

    [Fact]
    public void Button_data_refuses_what_does_not_fit_or_cannot_be_read_back()
    {
        Assert.Throws<ArgumentException>(() => AnswerParser.ChoiceButtonData(new string('a', 62), 1));
        Assert.Throws<ArgumentException>(() => AnswerParser.ChoiceButtonData("a:b", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerParser.ChoiceButtonData("atap", 0));
    }

    [Theory]
    [InlineData("atap", 1, "baik")]
    [InlineData("atap", 3, "rusak_berat")]
    [InlineData("atap", 4, "daun_rumbia_seng_bekas")]
    [InlineData("tanda_bahaya", 7, "tidak_ada")]
    public void A_pressed_button_reads_back_as_its_option(string field, int number, string value)
    {
        var result = Parse(field, Inbound.OfChoice(AnswerParser.ChoiceButtonData(field, number)));

        Assert.True(result.Ok);
        Assert.Equal([value], result.Answer!.Options);
    }

    [Fact]
    public void The_real_telegram_callback_data_selects_rusak_berat()
    {
        // "data" of a real Telegram callback (tests/Bot.Host.Tests/TestData/telegram-callback.json)
        var result = Parse("atap", Inbound.OfChoice("c:atap:3"));

        Assert.Equal(["rusak_berat"], result.Answer!.Options);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Yes_no_buttons_are_1_for_ya_and_2_for_tidak(int number, bool yes)
    {
        var result = Parse("listrik", Inbound.OfChoice(AnswerParser.ChoiceButtonData("listrik", number)));

        Assert.Equal(yes, result.Answer!.Yes);
    }

    [Theory]
    [InlineData("atap", "c:dinding:2")]
    [InlineData("listrik", "c:atap:1")]
    [InlineData("tanda_bahaya", "c:atap:1")]
    public void A_button_of_an_earlier_question_is_refused_and_says_so(string field, string data)
    {
        var result = Parse(field, Inbound.OfChoice(data));

        Assert.False(result.Ok);
        Assert.StartsWith("Tombol itu untuk pertanyaan sebelumnya.", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("atap", "c:atap:9")]
    [InlineData("atap", "c:atap:0")]
    [InlineData("atap", "c:atap:x")]
    [InlineData("atap", "c:atap")]
    [InlineData("atap", "")]
    [InlineData("atap", "r:terima:PR-2511-0042")]
    [InlineData("listrik", "c:listrik:3")]
    public void Malformed_button_data_is_refused_without_crashing(string field, string data)
    {
        var result = Parse(field, Inbound.OfChoice(data));

        Assert.False(result.Ok);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Theory]
    [InlineData("jumlah_penghuni")]
    [InlineData("nama_kk")]
    [InlineData("tanggal_ukur")]
    [InlineData("rt_rw")]
    public void A_button_for_a_typed_field_is_from_an_earlier_question(string field)
    {
        var result = Parse(field, Inbound.OfChoice("c:atap:1"));

        Assert.False(result.Ok);
        Assert.StartsWith("Tombol itu untuk pertanyaan sebelumnya.", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_photo_answers_a_photo_field()
    {
        var result = Parse("foto", Inbound.OfPhoto("AgACAgUAAxkBAAIBQ2", caption: "depan rumah"));

        Assert.Equal(["AgACAgUAAxkBAAIBQ2"], result.Answer!.PhotoIds);
    }

    [Fact]
    public void Text_and_pins_are_refused_where_a_photo_is_asked()
    {
        Assert.Contains("Mohon kirim foto", Parse("foto", Inbound.OfText("ini fotonya")).Problem, StringComparison.Ordinal);
        Assert.Contains("Mohon kirim foto", Parse("foto", Inbound.OfLocation(new GeoPoint(-0.5, 117.1))).Problem, StringComparison.Ordinal);
        Assert.False(Parse("foto", new Inbound(InboundKind.Photo, PhotoId: "")).Ok);
    }

    [Fact]
    public void A_pin_answers_a_location_field()
    {
        var point = new GeoPoint(-0.502106, 117.153709);

        var result = Parse("lokasi", Inbound.OfLocation(point));

        Assert.Equal(point, result.Answer!.Location);
        Assert.Null(result.Answer.Text);
    }

    [Fact]
    public void A_photo_is_not_a_location()
    {
        Assert.False(Parse("lokasi", Inbound.OfPhoto("p1")).Ok);
    }

    [Fact]
    public void A_very_long_landmark_is_refused_with_the_limit()
    {
        var result = Parse("lokasi", Inbound.OfText(new string('x', 501)));

        Assert.Contains("paling banyak 500 huruf", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jumlah_penghuni")]
    [InlineData("nama_kk")]
    [InlineData("listrik")]
    [InlineData("atap")]
    [InlineData("telepon")]
    public void A_photo_or_pin_where_text_is_expected_asks_to_type(string field)
    {
        var photo = Parse(field, Inbound.OfPhoto("p1", "5"));
        var pin = Parse(field, Inbound.OfLocation(new GeoPoint(1, 2)));

        Assert.StartsWith("Mohon jawab dengan mengetik.", photo.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Mohon jawab dengan mengetik.", pin.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nama_kk", "")]
    [InlineData("jumlah_penghuni", "   ")]
    [InlineData("tanggal_ukur", "\n")]
    [InlineData("atap", "")]
    [InlineData("tanda_bahaya", " , , ")]
    [InlineData("rt_rw", "")]
    [InlineData("nik_kk", " ")]
    public void Empty_text_is_refused_with_the_hint(string field, string text)
    {
        var result = Parse(field, Inbound.OfText(text));

        Assert.False(result.Ok);
        Assert.StartsWith("Mohon", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_message_without_text_is_refused_not_thrown()
    {
        var result = Parse("nama_kk", new Inbound(InboundKind.Text));

        Assert.False(result.Ok);
    }

    [Fact]
    public void Every_field_type_has_a_polite_hint()
    {
        foreach (var type in Enum.GetValues<FieldType>())
        {
            var field = new FieldDefinition { Name = "f", Type = type, Label = "F", Question = "F?", Options = [new("a", "A")] };

            var hint = AnswerParser.Hint(field, TestFields.Today);

            Assert.StartsWith("Mohon", hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hints_use_the_catalog_example_when_there_is_one()
    {
        var field = TestFields.Get("jumlah_penghuni");

        Assert.Contains("misalnya 5 orang", AnswerParser.Hint(field, TestFields.Today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_hint_numbers_the_options_as_the_buttons_do()
    {
        var field = TestFields.Get("struktur");

        var hint = AnswerParser.Hint(field, TestFields.Today);

        Assert.EndsWith("1. Kokoh\n2. Miring atau retak\n3. Hampir roboh", hint, StringComparison.Ordinal);
        Assert.Equal("c:struktur:3", AnswerParser.ChoiceButtonData(field.Name, 3));
    }

    [Fact]
    public void Garbage_never_throws()
    {
        string[] inputs = ["\0", "💥💥💥", "99999999999999999999999999999999", "1.2.3.4", "-", "±", "x", "rt rw", "/ / /", "se", "koma", "setengah setengah",
            "seribu seribu", "tiga ribu dua juta", "31/31/31", "0/0", "+", "62", "00000000000000000", new string('9', 400)];

        foreach (var type in Enum.GetValues<FieldType>())
        {
            var field = new FieldDefinition
            {
                Name = "f", Type = type, Label = "F", Question = "F?", Min = 1, Max = 10, Unit = "m2", Options = [new("a", "A"), new("tidak_ada", "Tidak ada")],
            };
            foreach (var input in inputs)
            {
                var result = AnswerParser.Parse(field, Inbound.OfText(input), TestFields.Today);

                Assert.True(result.Ok || !string.IsNullOrWhiteSpace(result.Problem), $"{type} '{input}'");
            }
        }
    }

    [Fact]
    public void Button_data_stays_within_telegrams_64_bytes()
    {
        var data = AnswerParser.ChoiceButtonData(new string('f', 58), 999);

        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
    }
}
