namespace Posyandu.Conversation.Tests.Dialog;

/// <summary>
/// Every file in Dialog/Transcripts is played through the engine and must produce exactly its recorded replies.
/// After an intended change of behaviour, run with TRANSCRIPTS_UPDATE=1 to rewrite the files, then review the diff.
/// </summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(TestFiles.TranscriptFolder, "*.txt").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcript_plays_as_recorded(string file)
    {
        var path = Path.Combine(TestFiles.TranscriptFolder, file);
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        var actual = TranscriptRunner.Run(expected);

        if (Environment.GetEnvironmentVariable("TRANSCRIPTS_UPDATE") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(expected.TrimEnd('\n') + "\n" == actual, FirstDifference(file, expected, actual));
    }

    [Fact]
    public void Transcripts_are_present()
    {
        Assert.True(Files().Count >= 8, "the transcript folder lost its files");
    }

    private static string FirstDifference(string file, string expected, string actual)
    {
        var e = expected.TrimEnd('\n').Split('\n');
        var a = actual.TrimEnd('\n').Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of file)";
            var al = i < a.Length ? a[i] : "(end of output)";
            if (el != al)
            {
                return $"{file} line {i + 1}:\n  expected: {el}\n  actual:   {al}\n(run with TRANSCRIPTS_UPDATE=1 to record the new behaviour)\n--- actual transcript ---\n{actual}";
            }
        }

        return $"{file}: equal";
    }
}
