using System.Text.Json.Nodes;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A whole DM role-play through the real host: signed message.im events, replies through chat.postMessage,
/// the debrief as Block Kit and the reflection in a modal opened with the button's trigger_id.</summary>
public sealed class SlackRolePlayEndToEndTests : SingleWorkspaceTest
{
    private const string Maria = "UMARIA";

    [Fact]
    public async Task A_DM_role_play_runs_from_start_to_a_stored_commitment()
    {
        // Start: the customer's opening lines and the scene controls arrive in Maria's DM.
        Assert.Equal(200, (await Host.SayAsync("Ev-start", Maria, "start bereavement-closure")).Status);
        await Host.DrainAsync();
        var opening = Api.CallsTo("chat.postMessage");
        Assert.NotEmpty(opening);
        Assert.All(opening, c => Assert.Equal("D" + Maria, c.Str("channel")));
        Assert.All(opening, c => Assert.Equal("Bearer " + SlackBotHost.BotToken, c.Authorization));
        var (endButton, controls) = FindButton(opening, CardVerbs.End);

        // Maria is met once: users.info gave her zone, kept on her person.
        Assert.Single(Api.CallsTo("users.info"));
        var key = new PersonKey("slack", SlackBotHost.Workspace, Maria);
        Assert.Equal("America/Los_Angeles", (await Host.People.GetAsync(key, default))!.TimeZone);

        // Two agent turns: each is answered by the customer in the same DM.
        string[] turns = ["I'm so sorry for your loss, that must be really hard to deal with right now.",
            "Could you tell me what you need to happen with the account?"];
        for (var i = 0; i < turns.Length; i++)
        {
            var before = Api.CallsTo("chat.postMessage").Count;
            Assert.Equal(200, (await Host.SayAsync($"Ev-turn-{i}", Maria, turns[i])).Status);
            await Host.DrainAsync();
            Assert.True(Api.CallsTo("chat.postMessage").Count > before, $"turn {i} got a customer reply");
        }

        // End and debrief: the feelings form opens as a modal with the click's trigger, before anything else.
        Api.IssueTrigger("trigger-end");
        var click = await Host.PostInteractionAsync(BlockAction(endButton, controls, "trigger-end"));
        Assert.Equal(200, click.Status);
        await Host.DrainAsync();
        var feelings = Assert.Single(Api.CallsTo("views.open"));
        Assert.Equal("trigger-end", feelings.Str("trigger_id"));
        var feelingsView = feelings.Json!["view"]!.AsObject();
        Assert.Equal("modal", feelingsView["type"]!.GetValue<string>());
        Assert.Equal(CardVerbs.DebriefFeelings, feelingsView["callback_id"]!.GetValue<string>());
        Assert.Contains(feelingsView["blocks"]!.AsArray(), b => b!["block_id"]?.GetValue<string>() == CardVerbs.Inputs.FeelingRating);

        // Invalid: no rating → errors keyed by the block, synchronously; nothing stored.
        var refused = await Host.PostInteractionAsync(ViewSubmission(feelingsView, new JsonObject()));
        Assert.Equal("errors", refused.Json["response_action"]!.GetValue<string>());
        Assert.NotNull(refused.Json["errors"]![CardVerbs.Inputs.FeelingRating]);

        // Valid: the commitment form replaces it in the same modal; the observations arrive as Block Kit in the DM.
        var postsBefore = Api.CallsTo("chat.postMessage").Count;
        var next = await Host.PostInteractionAsync(ViewSubmission(feelingsView, new JsonObject
        {
            [CardVerbs.Inputs.FeelingRating] = new JsonObject { [CardVerbs.Inputs.FeelingRating] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "4" } } },
            [CardVerbs.Inputs.FeelingWords] = new JsonObject { [CardVerbs.Inputs.FeelingWords] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "nervous at first" } },
        }));
        Assert.Equal("update", next.Json["response_action"]!.GetValue<string>());
        var commitView = next.Json["view"]!.AsObject();
        Assert.Equal(CardVerbs.DebriefCommit, commitView["callback_id"]!.GetValue<string>());
        await Host.DrainAsync();
        var observations = Api.CallsTo("chat.postMessage").Skip(postsBefore).ToList();
        Assert.Contains(observations, c => c.Json!["blocks"] is JsonArray { Count: > 0 } blocks
            && blocks.Any(b => b!["type"]!.GetValue<string>() == "section"));

        // Commitment: empty is refused by block id; a real one is stored with a check-in a week later.
        var empty = await Host.PostInteractionAsync(ViewSubmission(commitView, new JsonObject
        {
            [CardVerbs.Inputs.Commitment] = new JsonObject { [CardVerbs.Inputs.Commitment] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "  " } },
        }));
        Assert.Equal("errors", empty.Json["response_action"]!.GetValue<string>());
        Assert.NotNull(empty.Json["errors"]![CardVerbs.Inputs.Commitment]);

        const string promise = "Name the customer's feeling before I offer a fix";
        var committed = await Host.PostInteractionAsync(ViewSubmission(commitView, new JsonObject
        {
            [CardVerbs.Inputs.Commitment] = new JsonObject { [CardVerbs.Inputs.Commitment] = new JsonObject { ["type"] = "plain_text_input", ["value"] = promise } },
        }));
        Assert.Equal(200, committed.Status);
        await Host.DrainAsync();
        var stored = await CommitmentsDueWithinAWeekOrSo(key);
        var commitment = Assert.Single(stored);
        Assert.Equal(promise, commitment.Text);
        Assert.DoesNotContain(Api.CallsTo("chat.postMessage"), c => c.Json!.ToJsonString().Contains("Committed", StringComparison.Ordinal));
        // On Slack the commitment is a modal: the confirmation replaces it there, once.
        var confirmations = Api.Calls.Select(c => c.Json?.ToJsonString()).Append(committed.Json.ToJsonString())
            .Count(json => json is not null && System.Text.RegularExpressions.Regex.Unescape(json).Contains($"Committed: “{promise}”", StringComparison.Ordinal));
        Assert.Equal(1, confirmations);
    }

    [Fact]
    public async Task A_DM_over_the_limit_mid_scene_gets_the_notice_and_is_not_played()
    {
        Assert.Equal(200, (await Host.SayAsync("Ev-long-start", Maria, "start bereavement-closure")).Status);
        await Host.DrainAsync();
        var key = new PersonKey("slack", SlackBotHost.Workspace, Maria);
        var opened = (await Host.People.GetWithLiveSessionAsync(key, default)).LiveSession!.TurnCount;
        var before = Api.CallsTo("chat.postMessage").Count;

        Assert.Equal(200, (await Host.SayAsync("Ev-long", Maria, new string('a', 5210))).Status);
        await Host.DrainAsync();

        var reply = Assert.Single(Api.CallsTo("chat.postMessage").Skip(before));
        Assert.Equal("That message is 5,210 characters; I read up to 2,000, so it didn't count. Please send it in shorter parts.", reply.Str("text"));
        Assert.Equal(opened, (await Host.People.GetWithLiveSessionAsync(key, default)).LiveSession!.TurnCount);
    }

    [Fact]
    public async Task The_bots_own_messages_and_foreign_workspaces_are_not_answered()
    {
        var own = SlackBotHost.DirectMessage(Maria, "I am the bot");
        own["bot_id"] = "BT0E2E";
        Assert.Equal(200, (await Host.PostEventAsync(SlackBotHost.Event("Ev-own", own))).Status);
        var foreign = await Host.SayAsync("Ev-foreign", "UOTHER", "start", team: "TFOREIGN");
        await Host.DrainAsync();

        Assert.Equal(403, foreign.Status);
        Assert.Empty(Api.CallsTo("chat.postMessage"));
        Assert.Null(await Host.People.GetAsync(new PersonKey("slack", "TFOREIGN", "UOTHER"), default));
    }

    private async Task<List<CommitmentRecord>> CommitmentsDueWithinAWeekOrSo(PersonKey key)
    {
        var found = new List<CommitmentRecord>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var offset = 5; offset <= 9; offset++)
        {
            found.AddRange((await Host.Learning.ListDueForCheckInAsync(new TenantScope("slack", SlackBotHost.Workspace), today.AddDays(offset), default))
                .Where(c => c.Person == key));
        }

        return found;
    }

    /// <summary>The newest message button carrying <paramref name="verb"/>, and the message it is on.</summary>
    internal static (JsonObject Button, ApiCall Message) FindButton(IEnumerable<ApiCall> messages, string verb)
    {
        foreach (var message in messages.Reverse())
        {
            var button = (message.Json?["blocks"] as JsonArray ?? [])
                .Where(b => b!["type"]!.GetValue<string>() == "actions")
                .SelectMany(b => b!["elements"]!.AsArray())
                .FirstOrDefault(e => e!["action_id"]?.GetValue<string>().StartsWith(verb, StringComparison.Ordinal) == true);
            if (button is not null)
            {
                return (button.AsObject(), message);
            }
        }

        throw new Xunit.Sdk.XunitException($"No button for {verb} in {messages.Count()} messages.");
    }

    /// <summary>A block_actions payload as Slack sends it when the button is clicked in the DM.</summary>
    internal static JsonObject BlockAction(JsonObject button, ApiCall message, string triggerId, string user = Maria, string team = SlackBotHost.Workspace) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "maria", ["team_id"] = team },
        ["api_app_id"] = "A0E2E",
        ["token"] = "legacy-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = message.Str("channel"), ["is_ephemeral"] = false },
        ["trigger_id"] = triggerId,
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "e2e" },
        ["channel"] = new JsonObject { ["id"] = message.Str("channel"), ["name"] = "directmessage" },
        ["message"] = new JsonObject { ["ts"] = "1700000000.000001", ["blocks"] = message.Json!["blocks"]!.DeepClone() },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button["action_id"]!.GetValue<string>(),
            ["block_id"] = "actions",
            ["value"] = button["value"]?.GetValue<string>(),
            ["action_ts"] = SlackBotHost.Ts(),
        }),
    };

    /// <summary>A view_submission of <paramref name="view"/> (as rendered by the bot) with these state values.</summary>
    internal static JsonObject ViewSubmission(JsonObject view, JsonObject values, string user = Maria) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackBotHost.Workspace, ["domain"] = "e2e" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackBotHost.Workspace },
        ["api_app_id"] = "A0E2E",
        ["trigger_id"] = $"trigger-submit-{Guid.NewGuid():N}",
        ["view"] = new JsonObject
        {
            ["id"] = "V1",
            ["team_id"] = SlackBotHost.Workspace,
            ["type"] = "modal",
            ["callback_id"] = view["callback_id"]!.GetValue<string>(),
            ["private_metadata"] = view["private_metadata"]?.GetValue<string>() ?? "",
            ["blocks"] = view["blocks"]!.DeepClone(),
            ["state"] = new JsonObject { ["values"] = values },
        },
    };
}
