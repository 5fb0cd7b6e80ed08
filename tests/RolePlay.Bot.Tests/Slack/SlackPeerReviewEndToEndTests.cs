using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Testing.Slack;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A peer checklist through the real Slack adapter: the shared practice's button opens the checklist as a
/// modal with the click's trigger, a refused answer comes back as errors by block, a good one reaches the learner's DM
/// and is announced in the channel by name only, where a manager's recognition of the notice credits the reviewer.</summary>
public sealed class SlackPeerReviewEndToEndTests : SingleWorkspaceTest
{
    private const string Ana = "UANA";
    private const string Ben = "UBEN";
    private const string Standup = "C0STANDUP";

    [Fact]
    public async Task A_teammate_reviews_a_shared_practice_in_a_modal_and_the_learner_gets_it_in_her_DM()
    {
        await Host.CommandAsync(Ana, "team standup 09:15", channel: Standup);
        await Host.CommandAsync(Ben, "team join", channel: Standup);
        await Host.SayAsync("Ev1", Ana, "start late-delivery-birthday");
        await Host.SayAsync("Ev2", Ana, "I'm so sorry, that sounds really stressful. What happened with the order?");
        await Host.SayAsync("Ev3", Ana, "/end");
        await Host.DrainAsync();
        await Host.SayAsync("Ev4", Ana, "share");
        await Host.DrainAsync();

        var (button, post) = SlackRolePlayEndToEndTests.FindButton(Api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == Standup), CardVerbs.ReviewOpen);
        Api.IssueTrigger("trigger-review");
        Assert.Equal(200, (await Host.PostInteractionAsync(SlackRolePlayEndToEndTests.BlockAction(button, post, "trigger-review", Ben))).Status);
        await Host.DrainAsync();

        var opened = Assert.Single(Api.CallsTo("views.open"));
        var view = opened.Json!["view"]!.AsObject();
        Assert.Equal(CardVerbs.ReviewSubmit, view["callback_id"]!.GetValue<string>());
        var blocks = view["blocks"]!.AsArray();
        var choice = blocks.Single(b => b!["block_id"]?.GetValue<string>() == Inputs.ChecklistPrefix + "named-the-feeling")!;
        Assert.Equal("radio_buttons", choice["element"]!["type"]!.GetValue<string>());
        Assert.Equal("Named the customer's feeling in their words", choice["label"]!["text"]!.GetValue<string>());
        Assert.Contains(blocks, b => b!["block_id"]?.GetValue<string>() == Inputs.Landed);

        // Only "try next time": refused under "what landed", synchronously, nothing sent.
        var refused = await Host.PostInteractionAsync(Submission(view, Values(landed: null, next: "Slow down.")));
        Assert.Equal("errors", refused.Json["response_action"]!.GetValue<string>());
        Assert.StartsWith("Start with what landed", refused.Json["errors"]![Inputs.Landed]!.GetValue<string>(), StringComparison.Ordinal);

        var posts = Api.CallsTo("chat.postMessage").Count;
        var sent = await Host.PostInteractionAsync(Submission(view, Values(landed: "You said sorry before anything else.", next: null)));
        Assert.Equal("update", sent.Json["response_action"]!.GetValue<string>());
        Assert.Contains("Sent to", sent.Json["view"]!.ToJsonString(), StringComparison.Ordinal);
        await Host.DrainAsync();

        var after = Api.CallsTo("chat.postMessage").Skip(posts).ToList();
        var toAna = Assert.Single(after, c => c.Str("channel") == "D" + Ana);
        Assert.Contains("You said sorry before anything else.", System.Text.RegularExpressions.Regex.Unescape(toAna.Json!["blocks"]!.ToJsonString()), StringComparison.Ordinal);
        var notice = Assert.Single(after, c => c.Str("channel") == Standup);
        Assert.Contains("a peer checklist on", notice.Str("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("sorry before", notice.Json!.ToJsonString(), StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<IPeerReviewStore>()
            .ListSinceAsync(new TenantScope("slack", SlackBotHost.Workspace), SlackBotHost.Workspace, DateOnly.MinValue, default);
        Assert.Equal(Ben, Assert.Single(stored).Reviewer.UserId);

        // The notice speaks for Ben: Slack reports a reaction on it as one on the bot's message, and the manager's
        // recognition emoji credits him.
        Assert.Equal(200, (await Host.PostEventAsync(SlackBotHost.Event("EvRecognise", new JsonObject
        {
            ["type"] = "reaction_added", ["user"] = Ana, ["reaction"] = "clap", ["item_user"] = "UBOT" + SlackBotHost.Workspace,
            ["event_ts"] = SlackBotHost.Ts(), ["item"] = new JsonObject { ["type"] = "message", ["channel"] = Standup, ["ts"] = notice.AnsweredTs },
        }))).Status);
        await Host.DrainAsync();
        var recognised = Assert.Single(await Host.Services.GetRequiredService<IRecognitionStore>().ListWeekAsync(
            new TenantScope("slack", SlackBotHost.Workspace), SlackBotHost.Workspace, DateOnly.FromDateTime(DateTime.UtcNow), default));
        Assert.Equal((Ana, Ben, RecognitionKind.Recognition), (recognised.ReactedBy.UserId, recognised.Recipient.UserId, recognised.Kind));
    }

    private static JsonObject Values(string? landed, string? next)
    {
        var values = new JsonObject();
        foreach (var id in new[] { "named-the-feeling", "open-question-first", "summarised-and-checked", "next-step-with-a-time", "limit-without-blame", "solved-together" })
        {
            var input = Inputs.ChecklistPrefix + id;
            values[input] = new JsonObject { [input] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "partly" } } };
        }

        values[Inputs.Landed] = new JsonObject { [Inputs.Landed] = new JsonObject { ["type"] = "plain_text_input", ["value"] = landed } };
        values[Inputs.TryNext] = new JsonObject { [Inputs.TryNext] = new JsonObject { ["type"] = "plain_text_input", ["value"] = next } };
        return values;
    }

    private static JsonObject Submission(JsonObject view, JsonObject values) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackBotHost.Workspace, ["domain"] = "e2e" },
        ["user"] = new JsonObject { ["id"] = Ben, ["username"] = "ben", ["team_id"] = SlackBotHost.Workspace },
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
