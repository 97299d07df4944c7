using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Dialog;

public sealed class SessionJsonTests
{
    [Fact]
    public void Every_kind_of_answer_survives_the_round_trip()
    {
        var now = new DateTimeOffset(2025, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));
        var session = new Session
        {
            Mode = DialogMode.Form,
            Topic = "PR-RTLH",
            Drafts =
            {
                ["PR-RTLH"] = new Draft
                {
                    Topic = "PR-RTLH",
                    Step = "atap",
                    Editing = true,
                    ReturnStep = FormMachine.Summary,
                    Strikes = 2,
                    Selection = ["perdarahan"],
                    StartedAt = now,
                    UpdatedAt = now.AddMinutes(5),
                    Answers =
                    {
                        ["nama_kk"] = new Answer { Text = "Budi" },
                        ["jumlah_penghuni"] = new Answer { Number = 6 },
                        ["luas_lantai"] = new Answer { Number = 7.5m },
                        ["listrik"] = new Answer { Yes = false },
                        ["atap"] = new Answer { Options = ["rusak_berat"] },
                        ["tanggal"] = new Answer { Date = new DateOnly(2025, 8, 12) },
                        ["foto"] = new Answer { PhotoIds = ["a.jpg", "b.jpg"] },
                        ["lokasi"] = new Answer { Location = new GeoPoint(-0.4523, 116.9821) },
                        ["nik_kk"] = Answer.Skip,
                    },
                },
            },
        };

        var json = SessionJson.Serialize(session);
        var back = SessionJson.Deserialize(json);

        Assert.Equal(json, SessionJson.Serialize(back));
        var draft = back.Drafts["PR-RTLH"];
        Assert.Equal((DialogMode.Form, "PR-RTLH", "atap", true, 2), (back.Mode, back.Topic, draft.Step, draft.Editing, draft.Strikes));
        Assert.Equal(7.5m, draft.Answers["luas_lantai"].Number);
        Assert.False(draft.Answers["listrik"].Yes);
        Assert.Equal(["rusak_berat"], draft.Answers["atap"].Options!);
        Assert.Equal(new DateOnly(2025, 8, 12), draft.Answers["tanggal"].Date);
        Assert.Equal(new GeoPoint(-0.4523, 116.9821), draft.Answers["lokasi"].Location);
        Assert.True(draft.Answers["nik_kk"].Skipped);
        Assert.Equal(now.AddMinutes(5), draft.UpdatedAt);
        Assert.DoesNotContain("mapLink", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    public void Missing_or_unreadable_json_is_a_fresh_session(string? json)
    {
        var session = SessionJson.Deserialize(json);

        Assert.Equal(DialogMode.Menu, session.Mode);
        Assert.Empty(session.Drafts);
    }

    [Fact]
    public void Unknown_properties_from_a_later_version_are_ignored_and_nulls_read_as_empty()
    {
        const string json = """
            {"version":2,"mode":"form","topic":"PR-RTLH","futureThing":{"x":1},
             "drafts":{"PR-RTLH":{"step":"atap","answers":{"nama_kk":{"text":"Budi","confidence":0.9},"gone":null},"selection":null,"color":"red"}}}
            """;

        var session = SessionJson.Deserialize(json);

        var draft = session.Drafts["PR-RTLH"];
        Assert.Equal("PR-RTLH", draft.Topic);
        Assert.Equal("Budi", draft.Answers["nama_kk"].Text);
        Assert.False(draft.Answers.ContainsKey("gone"));
        Assert.Empty(draft.Selection);
    }
}
