using System.Text.Json;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Inbound.Payloads;
using RolePlay.Slack.Tests.Infrastructure;
using RolePlay.Testing;

namespace RolePlay.Slack.Tests;

/// <summary>The pure translator against every real Slack payload in ../shared/payloads/slack: each file's own
/// translation, read the way the endpoint reads it, with the bot user id the envelope names (none for most).</summary>
public sealed class SlackTranslatorReplayTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public void Every_shared_payload_has_a_translation_test()
    {
        SharedFolder.Require();
        var tested = typeof(SlackTranslatorReplayTests).GetMethods().SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false))
            .Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).Single()[0]).ToHashSet();

        var untested = SharedFolder.FileNames("payloads", "slack").Except(tested).ToList();
        Assert.True(untested.Count == 0, $"No translation test for: {string.Join(", ", untested)}");
    }

    [SkippableTheory]
    [InlineData("command_hello_world.txt")]
    public void A_command_from_an_enterprise_workspace_is_its_text_as_a_message_in_the_workspace(string file)
    {
        var (message, target) = Routed<MessageReceived>(Translate(file));

        Assert.Equal(("/hello-world Hi", "T111", "W111", "primary-owner"), (message.Text, message.From.TenantId, message.From.UserId, message.From.DisplayName));
        Assert.Equal(("C111", ConversationKind.Channel), (message.Conversation.ConversationId, message.Conversation.Kind));
        Assert.Equal(("111.111.xxx", true, Now), (target.TriggerId, target.Ephemeral, target.ReceivedAt));
    }

    [SkippableTheory]
    [InlineData("command_weather.txt")]
    public void A_command_with_an_unescaped_slash_is_read_whole(string file)
    {
        var (message, target) = Routed<MessageReceived>(Translate(file));

        Assert.Equal(("/weather-123 94070", "T0001", "U2147483697"), (message.Text, message.From.TenantId, message.From.UserId));
        Assert.Equal(("C2147483705", "C2147483705"), (message.Conversation.ConversationId, target.ChannelId));
    }

    [SkippableTheory]
    [InlineData("event_app_home_opened_home_view.json")]
    public void Opening_the_home_tab_is_HomeOpened_published_as_home(string file)
    {
        var translation = Assert.IsType<SlackRouted>(Translate(file));
        var opened = Assert.IsType<HomeOpened>(translation.Event);

        Assert.True(translation.PublishesHome);
        Assert.Equal(("T12345678", "U12345678", "C12345678", ConversationKind.Personal), (opened.From.TenantId, opened.From.UserId,
            opened.Conversation.ConversationId, opened.Conversation.Kind));
        Assert.Equal(Now, opened.At); // the payload carries no event_ts
    }

    [SkippableTheory]
    [InlineData("event_app_home_opened_messages_tab_org_install.json")]
    [InlineData("event_app_mention_with_blocks.json")]
    [InlineData("socket_mode_envelope_events_api_message_channel.json")]
    [InlineData("interaction_form_body_shortcut.txt")]
    [InlineData("interaction_view_closed.json")]
    [InlineData("interaction_view_closed_bolt_python.json")]
    [InlineData("interaction_view_closed_org_install.json")]
    public void Payloads_the_bot_does_not_act_on_are_ignored(string file)
    {
        // The messages tab, the bot's own mention (the authorization names the author as the bot), channel chatter,
        // shortcuts and closed modals.
        Assert.IsType<SlackIgnored>(Translate(file));
    }

    [SkippableTheory]
    [InlineData("event_app_mention_bolt_python.json")]
    public void An_app_mention_without_authorizations_has_its_leading_mention_stripped_and_threads_on_itself(string file)
    {
        var (message, target) = Routed<MessageReceived>(Translate(file));

        Assert.Equal(("Hi there!", "W222", "T111"), (message.Text, message.From.UserId, message.From.TenantId));
        Assert.Equal(("C111", "1595926230.009600", "1595926230.009600"), (message.Conversation.ConversationId, message.Conversation.ThreadId, target.ThreadTs));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1595926230009), message.At);
    }

    [SkippableTheory]
    [InlineData("event_app_uninstalled_bolt_python.json", "app_uninstalled")]
    [InlineData("event_tokens_revoked_bolt_python.json", "tokens_revoked")]
    public void Uninstall_and_bot_token_revocation_purge_the_workspaces_install(string file, string kind)
    {
        Assert.Equal(new SlackTokensGone("T111", kind), Translate(file));
    }

    [SkippableTheory]
    [InlineData("event_member_joined_channel_bolt_python.json")]
    public void Someone_else_joining_is_ignored_and_the_bot_joining_is_BotInstalled_by_the_inviter(string file)
    {
        Assert.IsType<SlackIgnored>(Translate(file));

        var (installed, target) = Routed<BotInstalled>(Translate(file, botUserId: "U999"));
        Assert.Equal(("U222", "C111", "U222"), (installed.From.UserId, installed.Conversation.ConversationId, target.UserId));
    }

    [SkippableTheory]
    [InlineData("event_message_im_thread_reply_bolt_python.json")]
    public void A_thread_reply_in_a_dm_is_a_personal_message_answered_in_its_thread(string file)
    {
        var (message, target) = Routed<MessageReceived>(Translate(file));

        Assert.Equal(("When Slack was released?", "W222", "T111", "1726133700.887259"), (message.Text, message.From.UserId, message.From.TenantId, message.MessageId));
        Assert.Equal(("D111", ConversationKind.Personal, "1726133698.626339"), (message.Conversation.ConversationId, message.Conversation.Kind, message.Conversation.ThreadId));
        Assert.Equal(("D111", "1726133698.626339"), (target.ChannelId, target.ThreadTs));
    }

    [SkippableTheory]
    [InlineData("event_reaction_added_bolt_python.json")]
    public void A_reaction_names_the_emoji_the_item_and_the_messages_author(string file)
    {
        var (changed, _) = Routed<ReactionChanged>(Translate(file));

        Assert.Equal(("heart_eyes", true, "1599529504.000400", "C111", "W111"),
            (changed.Reaction, changed.Added, changed.MessageId, changed.Conversation.ConversationId, changed.MessageAuthorId));

        // W111 reacted to their own message; were W111 the bot, it would be the bot's own reaction echoing back.
        Assert.Equal(new SlackIgnored("the bot's own event"), Translate(file, botUserId: "W111"));
    }

    [SkippableTheory]
    [InlineData("interaction_block_actions_ephemeral_message_with_state.json")]
    public void A_button_on_an_ephemeral_message_carries_the_messages_inputs_and_its_raw_value(string file)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        Assert.Equal("save", submitted.Verb);
        Assert.Equal(new Dictionary<string, string> { ["action_1"] = "schedule", ["value"] = "1" }, submitted.Values);
        Assert.Equal("1606455372.001200", submitted.CardMessageId);
        Assert.Equal(("C111", true, "111.222.xxx", "1606455372.001200"), (target.ChannelId, target.Ephemeral, target.TriggerId, target.MessageTs));
    }

    [SkippableTheory]
    [InlineData("interaction_block_actions_home_tab_button.json")]
    public void A_home_tab_button_answers_in_the_home_view_and_the_persons_chat(string file)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        Assert.Equal(("home_button_1", "create_task"), (submitted.Verb, submitted.Values["value"]));
        Assert.Equal(("U123", ConversationKind.Personal), (submitted.Conversation.ConversationId, submitted.Conversation.Kind));
        Assert.Equal(("V123", "home", (string?)null), (target.ViewId, target.ViewType, target.ChannelId));
    }

    [SkippableTheory]
    [InlineData("interaction_block_actions_message_attachment_button.json")]
    public void An_attachment_button_is_keyed_by_its_container_message(string file)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        Assert.Equal(("WaXA", "click_me_123", "1548261231.000200"), (submitted.Verb, submitted.Values["value"], submitted.CardMessageId));
        Assert.Equal(("T9TK3CUKW", "UA8RXUSPL", "CBR2V3XEX", false), (submitted.From.TenantId, submitted.From.UserId, target.ChannelId, target.Ephemeral));
    }

    [SkippableTheory]
    [InlineData("interaction_block_actions_message_button.json", "T111")]
    [InlineData("interaction_block_actions_org_install.json", "E111")]
    public void A_message_button_belongs_to_the_workspace_or_for_an_org_wide_install_the_enterprise(string file, string tenant)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        Assert.Equal((tenant, "W111", "a"), (submitted.From.TenantId, submitted.From.UserId, submitted.Verb));
        Assert.Equal(new Dictionary<string, string> { ["value"] = "click_me_123" }, submitted.Values);
        Assert.Equal(("C111", true), (target.ChannelId, target.Ephemeral));
    }

    [SkippableTheory]
    [InlineData("interaction_block_actions_modal_static_select.json")]
    public void A_menu_in_a_modal_carries_the_views_state_and_updates_that_view(string file)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        Assert.Equal(("a", new string('a', 75)), (submitted.Verb, submitted.Values["a"]));
        Assert.Equal(("V1234567890", "modal"), (target.ViewId, target.ViewType));
    }

    [SkippableTheory]
    [InlineData("interaction_view_submission.json", "T111", "W111", "V111")]
    [InlineData("interaction_view_submission_org_install.json", "E111", "W111", "V111")]
    public void A_view_submission_is_its_callback_id_with_the_input_values(string file, string tenant, string user, string viewId)
    {
        var (submitted, target) = Routed<CardSubmitted>(Translate(file));

        // private_metadata "This is for you!" is not the renderer's JSON, so it adds nothing.
        Assert.Equal(("view-id", "test", viewId), (submitted.Verb, Assert.Single(submitted.Values).Value, submitted.CardMessageId));
        Assert.Equal((tenant, user, ConversationKind.Personal), (submitted.From.TenantId, submitted.From.UserId, submitted.Conversation.Kind));
        Assert.Null(target.ChannelId);
    }

    [SkippableTheory]
    [InlineData("interaction_view_submission_java.json")]
    public void Inputs_sharing_an_action_id_keep_the_last_value_the_state_lists(string file)
    {
        var translation = Translate(file);
        var (submitted, _) = Routed<CardSubmitted>(translation);

        Assert.Equal("modal-callback-id", submitted.Verb);
        Assert.Equal(new Dictionary<string, string> { ["single_action"] = "Just amazing!" }, submitted.Values);
        var state = Assert.IsType<SlackViewSubmission>(Read(file)).View!.State!;
        Assert.Equal([("date-of-visit", "2019-09-23"), ("rating", "3"), ("comment", "Just amazing!")], state.Values.Select(v => (v.BlockId, v.Value)));
    }

    private static (T Event, SlackReplyTarget Target) Routed<T>(SlackTranslation translation) where T : IncomingEvent
    {
        var routed = Assert.IsType<SlackRouted>(translation);
        return (Assert.IsType<T>(routed.Event), routed.Target);
    }

    /// <summary>Translates a file the way the endpoint reads it (the Socket Mode envelope by its payload).</summary>
    private static SlackTranslation Translate(string file, string? botUserId = null) => Read(file) switch
    {
        SlackEventCallback callback => SlackTranslator.Translate(callback, new SlackContext(botUserId ?? callback.BotUserId, Now)),
        SlackInteraction interaction => SlackTranslator.Translate(interaction, new SlackContext(botUserId, Now)),
        SlackSlashCommand command => SlackTranslator.Translate(command, new SlackContext(botUserId, Now)),
        var other => throw new InvalidOperationException($"{file}: {other}"),
    };

    private static object Read(string file)
    {
        var raw = File.ReadAllBytes(Path.Combine(SharedFolder.Require(), "payloads", "slack", file));
        if (file.EndsWith(".txt", StringComparison.Ordinal))
        {
            Assert.True(FormBody.TryParse(raw, out var fields), file);
            if (file.StartsWith("command_", StringComparison.Ordinal))
            {
                Assert.True(SlackSlashCommand.TryRead(fields, out var command, out var problem), problem);
                return command;
            }

            using var form = JsonDocument.Parse(fields["payload"]);
            return ReadInteraction(form.RootElement);
        }

        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        if (file.StartsWith("socket_mode_envelope_", StringComparison.Ordinal))
        {
            root = root.GetProperty("payload");
        }

        if (!file.StartsWith("interaction_", StringComparison.Ordinal))
        {
            Assert.True(SlackEventCallback.TryRead(root, out var callback, out var problem), problem);
            return callback;
        }

        return ReadInteraction(root);
    }

    private static SlackInteraction ReadInteraction(JsonElement payload)
    {
        Assert.True(SlackInteraction.TryRead(payload, out var interaction, out var problem), problem);
        return interaction;
    }
}
