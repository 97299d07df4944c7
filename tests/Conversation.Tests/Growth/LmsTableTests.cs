using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>Reading WHO's tab-separated tables, and refusing what is not one, with a message naming the file.</summary>
public sealed class LmsTableTests
{
    [Fact]
    public void Reads_rows_by_sex_and_key_and_interpolates_lengths()
    {
        var table = LmsTable.Parse("uji.txt", new StringReader("sex\tlength\tl\tm\ts\tlorh\n1\t45\t-0.35\t2.4\t0.09\tL\n1\t45.1\t-0.35\t2.5\t0.08\tL\n2\t45\t-0.38\t2.46\t0.09\tL\n"));

        Assert.Equal(3, table.Count);
        Assert.Equal(2.5, table.At(Sex.Male, 45.1)!.Value.M);
        Assert.Equal(2.46, table.At(Sex.Female, 45)!.Value.M);
        var between = table.Interpolated(Sex.Male, 45.04)!.Value;
        Assert.Equal(2.44, between.M, 6);
        Assert.Equal(0.086, between.S, 6);
        Assert.Null(table.Interpolated(Sex.Male, 45.15));
        Assert.Null(table.At(Sex.Female, 45.1));
    }

    [Theory]
    [InlineData("sex\tage\tl\tm\ts\n3\t0\t1\t2\t0.1\n", "uji.txt: line 2")]
    [InlineData("sex\tage\tl\tm\ts\n1\t0\t1\tdua\t0.1\n", "uji.txt: line 2")]
    [InlineData("sex\tage\tl\tm\ts\n1\t0\t1\t2\n", "uji.txt: line 2")]
    [InlineData("sex\tage\tl\tm\ts\n1\t0\t1\t0\t0.1\n", "uji.txt: line 2")]
    [InlineData("sex\tage\tl\tm\ts\n", "uji.txt: the table has no rows")]
    public void A_broken_table_is_refused_naming_file_and_line(string text, string expectedStart)
    {
        var error = Assert.Throws<FormatException>(() => LmsTable.Parse("uji.txt", new StringReader(text)));
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_the_tables_stops_with_one_line_naming_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "growth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var error = Assert.Throws<GrowthTablesException>(() => GrowthStandards.Load(folder));
            Assert.Contains("weianthro.txt", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_shipped_tables_hold_every_row_of_whos_package()
    {
        foreach (var name in GrowthStandards.FileNames)
        {
            using var reader = File.OpenText(Path.Combine(GrowthTestTables.Folder, name));
            Assert.True(LmsTable.Parse(name, reader).Count > 1000, name);
        }
    }
}
