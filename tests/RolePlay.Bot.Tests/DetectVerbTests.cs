using System.Text.Json;

namespace RolePlay.Bot.Tests;

public class DetectVerbTests
{
    [Fact]
    public async Task Each_input_line_gets_one_output_line_in_order_and_bad_lines_get_errors()
    {
        var input = string.Join('\n',
            """{"id":"a","text":"I'm so sorry, that sounds really stressful. What happened when you tried to log in?"}""",
            """{"id":"b","text":"you should have read the terms before signing"}""",
            "this is not json",
            """{"id":"c"}""",
            "",
            """[1,2]""",
            """{"id":7,"text":"I'll call you back by 3pm today with the tracking number."}""",
            """{"id":"d","text":"ok"}""");

        var result = await BotProcess.RunAsync(input, "detect");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal("a", docs[0].GetProperty("id").GetString());
        var first = Labels(docs[0]);
        Assert.Contains("empathy", first);
        Assert.Contains("open_question", first);

        Assert.Contains("blame", Labels(docs[1]));

        Assert.Equal(JsonValueKind.Null, docs[2].GetProperty("id").ValueKind);
        Assert.Contains("line 3", docs[2].GetProperty("error").GetString());

        Assert.Equal("c", docs[3].GetProperty("id").GetString());
        Assert.Contains("\"text\"", docs[3].GetProperty("error").GetString());

        Assert.Contains("expected a JSON object", docs[4].GetProperty("error").GetString());

        Assert.Equal(7, docs[5].GetProperty("id").GetInt32());
        Assert.Contains("next_step", Labels(docs[5]));

        Assert.Empty(Labels(docs[6]));
    }

    [Fact]
    public async Task A_context_of_customer_messages_decides_whether_a_restatement_is_a_summary()
    {
        var input = string.Join('\n',
            """{"id":"told","text":"So the parcel was due on Tuesday and the party is on Saturday.","context":["my parcel was due tuesday","it's for the party on saturday"]}""",
            """{"id":"invented","text":"So you cancelled your broadband last month and paid an exit fee.","context":["my parcel was due tuesday","it's for the party on saturday"]}""",
            """{"id":"none","text":"So the parcel was due on Tuesday and the party is on Saturday."}""",
            """{"id":"bad","text":"So the parcel was due on Tuesday.","context":"my parcel was due tuesday"}""",
            """{"id":"mixed","text":"So the parcel was due on Tuesday.","context":["fine",3]}""");

        var result = await BotProcess.RunAsync(input, "detect");

        Assert.Equal(0, result.ExitCode);
        var docs = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(5, docs.Length);
        Assert.Contains("summary", Labels(docs[0]));
        Assert.DoesNotContain("summary", Labels(docs[1]));
        Assert.Equal("none", docs[2].GetProperty("id").GetString());
        Assert.False(docs[2].TryGetProperty("error", out _), "a line without context is read on its own");
        Assert.All(docs[3..], d => Assert.Contains("\"context\" must be an array of strings", d.GetProperty("error").GetString()));
        Assert.Equal("mixed", docs[4].GetProperty("id").GetString());
    }

    private static string[] Labels(JsonElement line) =>
        line.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToArray();
}
