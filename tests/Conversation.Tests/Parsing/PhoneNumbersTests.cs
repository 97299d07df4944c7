using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Tests.Parsing;

/// <summary>The class is named as in the brief, which shadows libphonenumber's own PhoneNumbers namespace; hence the qualified calls.</summary>
public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0812-5123-4501", "+6281251234501")]
    [InlineData("0812 5123 4501", "+6281251234501")]
    [InlineData("+62 812 5123 4501", "+6281251234501")]
    [InlineData("62812-5123-4501", "+6281251234501")]
    [InlineData("812 5123 4501", "+6281251234501")]
    [InlineData("+62 (0)812 5123 4501", "+6281251234501")]
    [InlineData(" 081251234501 ", "+6281251234501")]
    [InlineData("0811-129-129", "+62811129129")]
    [InlineData("0857-1234-5678", "+6285712345678")]
    [InlineData("0895 1234 5678", "+6289512345678")]
    public void Indonesian_mobile_numbers_become_e164(string raw, string e164)
    {
        Assert.Equal(e164, Conversation.Parsing.PhoneNumbers.ToE164(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("021-555-1234")]
    [InlineData("(0541) 741234")]
    [InlineData("+65 9123 4567")]
    [InlineData("+1 202 555 0143")]
    [InlineData("0812")]
    [InlineData("0812 5123 4501 9999")]
    [InlineData("08x2 5123 4501")]
    [InlineData("HP 0812 5123 4501")]
    [InlineData("129")]
    public void Anything_else_is_null(string? raw)
    {
        Assert.Null(Conversation.Parsing.PhoneNumbers.ToE164(raw));
    }

    [Theory]
    [InlineData("+6281251234501", "+62812****4501")]
    [InlineData("+62811129129", "+62811****9129")]
    [InlineData("+6285712345678", "+62857****5678")]
    public void Mask_keeps_the_operator_prefix_and_the_last_four_digits(string e164, string masked)
    {
        Assert.Equal(masked, Conversation.Parsing.PhoneNumbers.Mask(e164));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+62812")]
    [InlineData("12345")]
    public void Mask_of_something_short_shows_nothing_of_it(string value)
    {
        Assert.Equal("****", Conversation.Parsing.PhoneNumbers.Mask(value));
    }
}
