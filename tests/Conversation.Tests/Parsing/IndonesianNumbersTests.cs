using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Tests.Parsing;

public class IndonesianNumbersTests
{
    [Theory]
    [InlineData("7.5", "7,5")]
    [InlineData("7.50", "7,5")]
    [InlineData("48", "48")]
    [InlineData("48.000", "48")]
    [InlineData("1200", "1.200")]
    [InlineData("1234567.25", "1.234.567,25")]
    [InlineData("0.25", "0,25")]
    [InlineData("-3.5", "-3,5")]
    [InlineData("0", "0")]
    public void Format_uses_a_decimal_comma_and_thousands_dots(string value, string expected)
    {
        Assert.Equal(expected, IndonesianNumbers.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("7.2", 1, "7,2")]
    [InlineData("5.333333", 1, "5,3")]
    [InlineData("5.25", 1, "5,3")]
    [InlineData("5.96", 1, "6")]
    [InlineData("3.5", 0, "4")]
    public void Format_rounds_half_away_from_zero(string value, int decimals, string expected)
    {
        Assert.Equal(expected, IndonesianNumbers.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("nol", "0")]
    [InlineData("satu", "1")]
    [InlineData("sembilan", "9")]
    [InlineData("sepuluh", "10")]
    [InlineData("sebelas", "11")]
    [InlineData("dua belas", "12")]
    [InlineData("sembilan belas", "19")]
    [InlineData("dua puluh", "20")]
    [InlineData("dua puluh lima", "25")]
    [InlineData("Sembilan Puluh Sembilan", "99")]
    [InlineData("seratus", "100")]
    [InlineData("seratus dua", "102")]
    [InlineData("seratus sebelas", "111")]
    [InlineData("seratus dua puluh", "120")]
    [InlineData("dua ratus lima belas", "215")]
    [InlineData("seribu", "1000")]
    [InlineData("se ribu", "1000")]
    [InlineData("seribu lima ratus", "1500")]
    [InlineData("dua ribu", "2000")]
    [InlineData("sebelas ribu", "11000")]
    [InlineData("seratus dua puluh tiga ribu empat ratus lima puluh enam", "123456")]
    [InlineData("dua juta tiga ratus ribu", "2300000")]
    [InlineData("sejuta", "1000000")]
    [InlineData("setengah", "0.5")]
    [InlineData("enam setengah", "6.5")]
    [InlineData("satu koma lima", "1.5")]
    [InlineData("tujuh koma dua lima", "7.25")]
    public void Words_are_read(string words, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), IndonesianNumbers.ParseWords(words));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lima orang")]
    [InlineData("dua tiga")]
    [InlineData("puluh")]
    [InlineData("belas")]
    [InlineData("ribu")]
    [InlineData("dua puluh dua puluh")]
    [InlineData("lima ratus seratus")]
    [InlineData("tiga ribu dua juta")]
    [InlineData("nol nol")]
    [InlineData("satu nol")]
    [InlineData("koma lima")]
    [InlineData("banyak")]
    public void Non_numbers_are_null(string words)
    {
        Assert.Null(IndonesianNumbers.ParseWords(words));
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("1.200", "1200")]
    [InlineData("1.200.000", "1200000")]
    [InlineData("1.200,5", "1200.5")]
    [InlineData("7,5", "7.5")]
    [InlineData("7.5", "7.5")]
    [InlineData("12.25", "12.25")]
    [InlineData("-4", "-4")]
    [InlineData("lima", "5")]
    public void Parse_reads_digits_the_indonesian_way_or_words(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), IndonesianNumbers.Parse(text));
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("1.2.3")]
    [InlineData("1.200,5,5")]
    [InlineData("5 kg")]
    [InlineData("12a")]
    [InlineData("99999999999999999999999999999999")]
    public void Parse_of_a_malformed_number_is_null(string text)
    {
        Assert.Null(IndonesianNumbers.Parse(text));
    }
}
