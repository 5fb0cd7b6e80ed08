using RolePlay.Bot.Tests.Teams;
using RolePlay.Testing.Manners;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Manners;

/// <summary>How the customer writes a reply reaches a Teams personal chat as the engine styled it, with the
/// deployment's seed.</summary>
public sealed class TeamsMannerTests : TeamsHostTest
{
    protected override string[] Settings => [$"--Practice:Seed={MannerScenes.Seed}"];

    public static TheoryData<string> Manners => new(MannerScenes.All.Select(s => s.Manner.ToString()));

    [Theory]
    [MemberData(nameof(Manners))]
    public async Task The_customers_reply_arrives_in_the_manner_the_engine_chose(string manner)
    {
        var scene = MannerScenes.All.Single(s => s.Manner.ToString() == manner);
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var sent = new SentActivities(Connector, person.ConversationId);
        await OkAsync(person.Message("start " + scene.ScenarioId));
        var before = 0;
        foreach (var message in scene.Messages)
        {
            before = sent.Posts.Count;
            await OkAsync(person.Message(message));
        }

        var said = sent.Posts.Skip(before).Select(p => p.Json?["text"]?.GetValue<string>())
            .OfType<string>().Where(t => t.StartsWith(scene.Customer + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(MannerScenes.Shown(scene), said);
        Assert.NotEqual(MannerScenes.Plain(scene), said);
    }
}
