using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The customer's nonverbal pace in Teams: a typing activity before each of their lines, and the line only as
/// long after it as the engine paced it.</summary>
public sealed class TeamsCustomerTypingTests : TeamsHostTest
{
    private const string Scenario = "late-delivery-birthday";

    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(50);

    protected override string[] Settings => ["--Teams:CustomerTyping=true"];

    [Fact]
    public async Task The_customer_is_shown_typing_before_each_of_their_lines_and_nobody_else_is()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var sent = new SentActivities(Connector, person.ConversationId);
        var catalog = Bot.Services.GetRequiredService<ContentCatalog>();
        var persona = catalog.Personas[catalog.Scenarios[Scenario].PersonaId];
        var spoken = persona.Name.Split(' ')[0] + ": ";

        await OkAsync(person.Message($"start {Scenario}"));
        await OkAsync(person.Message("That sounds really stressful, I'm sorry. What happened with the order?"));

        var posts = sent.Posts;
        var lines = posts.Select((p, i) => (Post: p, Index: i, Text: p.Json?["text"]?.GetValue<string>()))
            .Where(p => p.Text?.StartsWith(spoken, StringComparison.Ordinal) == true).ToList();
        Assert.True(lines.Count >= 2, "the opening and the answer are both the customer's");
        foreach (var (post, index, text) in lines)
        {
            var typing = posts[index - 1];
            Assert.Equal("typing", typing.Json!["type"]!.GetValue<string>());
            // The fake stamps each request with the wall clock while the bot's pause runs on its timer: they can differ by a
            // few milliseconds. A line sent without its pause comes within milliseconds of the typing; the shortest pause
            // is 250 ms.
            var pause = TypingPause.Before(text![spoken.Length..], persona.Artifacts.Network, hesitates: false);
            Assert.True(post.At - typing.At >= pause - ClockSlack,
                $"“{text}” came {(post.At - typing.At).TotalMilliseconds:0} ms after the typing, for a pause of {pause.TotalMilliseconds:0} ms");
        }

        Assert.Equal(lines.Count, posts.Count(p => p.Json?["type"]?.GetValue<string>() == "typing"));
    }
}
