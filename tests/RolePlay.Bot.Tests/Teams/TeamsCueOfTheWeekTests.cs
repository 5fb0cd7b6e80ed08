using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The cue of the week through the real Teams adapter: the captain's post in the channel is an Adaptive Card
/// with the cue cards as a choice set, an Action.Execute carrying the team and week, and (the bot has a public address
/// here) a link to the team's sheet; a teammate's pick is refused, the captain's is stored, a manager's mention changes
/// it.</summary>
public sealed class TeamsCueOfTheWeekTests : TeamsHostTest
{
    private const string Channel = "19:cue-floor@thread.tacv2";
    private const string Team = "19:team-cues@thread.tacv2";
    private static readonly TenantScope Tenant = new("teams", TeamsHost.TenantId);

    protected override string[] Settings => ["--Web:PublicUrl=https://roleplay.example/"];

    [Fact]
    public async Task The_captain_picks_on_the_post_a_teammate_is_refused_and_a_manager_changes_it_by_mention()
    {
        var manager = new TeamsActivities(Connector.ServiceUrl, "29:manager-" + Guid.NewGuid().ToString("N"));
        var captain = new TeamsActivities(Connector.ServiceUrl, "29:captain-" + Guid.NewGuid().ToString("N"));
        var teammate = new TeamsActivities(Connector.ServiceUrl, "29:teammate-" + Guid.NewGuid().ToString("N"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team standup 09:15"));
        await OkAsync(captain.Message("opt in"));
        await OkAsync(captain.ChannelMessage(Channel, Team, "team join"));
        await OkAsync(teammate.ChannelMessage(Channel, Team, "team join"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "routines run practice_captain"));

        var inChannel = new SentActivities(Connector, Channel);
        var (postId, card, data) = await SentActivities.EventuallyAsync(() => inChannel.CardWithAction(CueOfTheWeek.PickVerb)?.ToTuple(), "the captain's post");
        var choices = card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == CueOfTheWeek.CueInput);
        Assert.Equal("Input.ChoiceSet", choices["type"]!.GetValue<string>());
        Assert.Equal(15, choices["choices"]!.AsArray().Count);
        var link = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["type"]!.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal($"https://roleplay.example/cues/teams/{Uri.EscapeDataString(Team)}/strips.pdf", link["url"]!.GetValue<string>());

        // Action.Execute is answered in the invoke response: Teams shows its message to whoever clicked.
        Assert.StartsWith("Thanks for caring about the cue!", await PickOnPostAsync(teammate, postId, data, "what-else"), StringComparison.Ordinal);
        Assert.Null(await PickAsync());
        Assert.StartsWith("Cue of the week: “Stop guessing.", await PickOnPostAsync(captain, postId, data, "what-else"), StringComparison.Ordinal);
        Assert.Equal("what-else", (await PickAsync())!.CueId);

        await OkAsync(teammate.ChannelMessage(Channel, Team, "cue of the week name the feeling now"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "cue of the week name the feeling now"));
        await SentActivities.EventuallyAsync(() => inChannel.Texts.FirstOrDefault(t => t.StartsWith("Cue of the week: “Name the feeling now", StringComparison.Ordinal)), "the manager's pick");
        Assert.Equal("name-the-feeling", (await PickAsync())!.CueId);
        Assert.Single(inChannel.Texts, t => t.StartsWith("Thanks for caring about the cue!", StringComparison.Ordinal));
    }

    private async Task<string> PickOnPostAsync(TeamsActivities who, string postId, JsonObject data, string cueId)
    {
        using var response = await Bot.PostAsync(TeamsActivities.InChannel(
            who.Execute(postId, CueOfTheWeek.PickVerb, data, new JsonObject { [CueOfTheWeek.CueInput] = cueId }), Channel, Team));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        return answer["value"]!.GetValue<string>();
    }

    private async Task<CueOfTheWeekRecord?> PickAsync()
    {
        var team = await Bot.Services.GetRequiredService<ITeamStore>().GetAsync(Tenant, Team, default);
        return await Bot.Services.GetRequiredService<ICueOfTheWeekStore>().GetAsync(Tenant, Team, CueOfTheWeek.WeekOf(team!, DateTimeOffset.UtcNow), default);
    }
}
