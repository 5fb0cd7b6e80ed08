using System.Text.Json;

namespace RolePlay.Slack.Inbound.Payloads;

/// <summary><c>block_actions</c>: a button or menu in a message, a modal or the home tab. <see cref="State"/> is the
/// payload's own <c>state</c> (a message's inputs); a view's inputs are in <see cref="View"/>.</summary>
public sealed record SlackBlockActions(
    IReadOnlyList<SlackAction> Actions, string? ChannelId, SlackContainer Container, string? MessageTs,
    SlackState? State, SlackView? View) : SlackInteraction
{
    internal static SlackBlockActions Read(JsonElement payload)
    {
        var container = payload.Obj("container");
        return new SlackBlockActions(
            payload.Array("actions").Select(a => new SlackAction(a.Str("action_id"), a.Str("block_id"), a.Str("type"), a.Str("value"),
                a.Obj("selected_option").Str("value"))).ToList(),
            payload.Obj("channel").Str("id"),
            new SlackContainer(container.Str("type"), container.Str("message_ts"), container.Str("channel_id"), container.Str("view_id"),
                container.True("is_ephemeral")),
            payload.Obj("message").Str("ts"),
            SlackState.Read(payload.Obj("state")),
            SlackView.Read(payload.Obj("view")));
    }
}

/// <summary>One element of <c>actions</c>: a button's <c>value</c> or a menu's <c>selected_option.value</c>.</summary>
public sealed record SlackAction(string? ActionId, string? BlockId, string? Type, string? Value, string? SelectedOptionValue);

/// <summary>The <c>container</c> the action happened in: a message (<c>message_ts</c>, <c>channel_id</c>) or a view.</summary>
public sealed record SlackContainer(string? Type, string? MessageTs, string? ChannelId, string? ViewId, bool IsEphemeral);

/// <summary>A <c>state</c>: <c>values[block_id][action_id]</c>, each element's value read by its kind (text, option, date,
/// time, user, channel, conversation, or several options joined with commas). Elements without a value are left out.</summary>
public sealed record SlackState(IReadOnlyList<SlackStateValue> Values)
{
    /// <summary>Null when there is no <c>state</c> object at all, so a view's state can stand in for it.</summary>
    internal static SlackState? Read(JsonElement state)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = state.Obj("values") is { ValueKind: JsonValueKind.Object } blocks
            ? blocks.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Object)
                .SelectMany(b => b.Value.EnumerateObject().Select(e => (Block: b.Name, Action: e.Name, Value: ElementValue(e.Value))))
                .Where(v => v.Value is not null)
                .Select(v => new SlackStateValue(v.Block, v.Action, v.Value!))
                .ToList()
            : [];
        return new SlackState(values);
    }

    private static string? ElementValue(JsonElement element) =>
        element.Str("value")
        ?? element.Obj("selected_option").Str("value")
        ?? element.Str("selected_date") ?? element.Str("selected_time") ?? element.Str("selected_user")
        ?? element.Str("selected_channel") ?? element.Str("selected_conversation")
        ?? (element.Array("selected_options").Any()
            ? string.Join(',', element.Array("selected_options").Select(o => o.Str("value")).OfType<string>())
            : null);
}

/// <summary>One input's value in a <see cref="SlackState"/>.</summary>
public sealed record SlackStateValue(string BlockId, string ActionId, string Value);
