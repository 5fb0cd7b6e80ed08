using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>The cue of the week through the real Slack adapter: the captain's post in the standup channel carries the
/// cue cards as a select and a button, a teammate who is neither captain nor manager is thanked and refused, the
/// captain's pick is stored for the team's week, and the slash command shows and changes it.</summary>
public sealed class SlackCueOfTheWeekEndToEndTests : SingleWorkspaceTest
{
    private const string Ana = "UANA"; // the manager, who never opted in: not in the rotation
    private const string Ben = "UBEN"; // this week's captain
    private const string Cy = "UCY";
    private const string Standup = "C0STANDUP";

    [Fact]
    public async Task The_captain_picks_on_the_post_a_teammate_is_refused_and_the_command_shows_and_changes_it()
    {
        await Host.CommandAsync(Ana, "team standup 09:15", channel: Standup);
        await Host.SayAsync("Ev1", Ben, "opt in");
        await Host.CommandAsync(Ben, "team join", channel: Standup);
        await Host.CommandAsync(Cy, "team join", channel: Standup);
        Assert.Equal("No cue of the week yet. This week's practice captain (or a manager) picks one: “cue of the week name-the-feeling”, or words from the cue.",
            await CommandAsync(Cy, "cue of the week"));
        Assert.StartsWith("practice_captain: 1 sent", await CommandAsync(Ana, "routines run practice_captain"), StringComparison.Ordinal);

        var posts = Api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == Standup).ToList();
        var (button, post) = SlackRolePlayEndToEndTests.FindButton(posts, CueOfTheWeek.PickVerb);
        var select = post.Json!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == CueOfTheWeek.CueInput)!["element"]!;
        Assert.Equal("static_select", select["type"]!.GetValue<string>());
        Assert.Equal(15, select["options"]!.AsArray().Count);
        Assert.Contains("UBEN is this week's practice captain", System.Text.RegularExpressions.Regex.Unescape(post.Json.ToJsonString()), StringComparison.Ordinal);

        var before = Api.CallsTo("chat.postMessage").Count;
        Assert.Equal(200, (await Host.PostInteractionAsync(Choose(button, post, Cy, "what-else"))).Status);
        await Host.DrainAsync();
        Assert.Contains("Thanks for caring about the cue! It's picked by UBEN (this week's captain) or a manager", Said(before), StringComparison.Ordinal);
        Assert.Null(await PickAsync());

        before = Api.CallsTo("chat.postMessage").Count;
        Assert.Equal(200, (await Host.PostInteractionAsync(Choose(button, post, Ben, "what-else"))).Status);
        await Host.DrainAsync();
        Assert.Contains("Cue of the week: “Stop guessing. Ask: \"What else should I know?\"”", Said(before), StringComparison.Ordinal);
        Assert.Equal("what-else", (await PickAsync())!.CueId);

        Assert.StartsWith("This week's cue: “Stop guessing.", await CommandAsync(Cy, "cue of the week"), StringComparison.Ordinal);
        Assert.StartsWith("Thanks for caring about the cue!", await CommandAsync(Cy, "cue of the week drop-the-blame"), StringComparison.Ordinal);
        Assert.StartsWith("The team's cue strips now print in Spanish (es).", await CommandAsync(Ana, "team cues es"), StringComparison.Ordinal);
        Assert.StartsWith("Cue of the week: “Deja la culpa a un lado", await CommandAsync(Ana, "cue of the week drop-the-blame"), StringComparison.Ordinal);
        Assert.Equal("drop-the-blame", (await PickAsync())!.CueId);
    }

    private async Task<string> CommandAsync(string user, string text)
    {
        var response = await Host.CommandAsync(user, text, channel: Standup);
        Assert.Equal(200, response.Status);
        await Host.DrainAsync();
        return response.Json["text"]!.GetValue<string>();
    }

    /// <summary>The button clicked with <paramref name="cueId"/> chosen in the post's select, as Slack sends it.</summary>
    private static JsonObject Choose(JsonObject button, Testing.Slack.ApiCall post, string user, string cueId)
    {
        var click = SlackRolePlayEndToEndTests.BlockAction(button, post, $"trigger-{Guid.NewGuid():N}", user);
        click["state"]!["values"] = new JsonObject
        {
            [CueOfTheWeek.CueInput] = new JsonObject
            {
                [CueOfTheWeek.CueInput] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = cueId } },
            },
        };
        return click;
    }

    private string Said(int after) => string.Join(" ", Api.CallsTo("chat.postMessage").Skip(after).Select(c => c.Str("text")));

    private async Task<CueOfTheWeekRecord?> PickAsync()
    {
        var tenant = new TenantScope("slack", SlackBotHost.Workspace);
        var team = await Host.Services.GetRequiredService<ITeamStore>().GetAsync(tenant, SlackBotHost.Workspace, default);
        return await Host.Services.GetRequiredService<ICueOfTheWeekStore>().GetAsync(tenant, SlackBotHost.Workspace,
            CueOfTheWeek.WeekOf(team!, DateTimeOffset.UtcNow), default);
    }
}
