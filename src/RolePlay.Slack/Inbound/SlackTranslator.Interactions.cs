using RolePlay.Core.Chat;
using RolePlay.Slack.BlockKit;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Inbound;

/// <summary>Interactivity and slash commands: a click or a submitted form is <see cref="CardSubmitted"/>, a command is
/// the message its text would be.</summary>
public static partial class SlackTranslator
{
    public static SlackTranslation Translate(SlackInteraction interaction, SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(context);
        if (interaction.Tenant is not { } tenant)
        {
            return new SlackInvalid("interaction payload needs team or enterprise");
        }

        return interaction switch
        {
            SlackBlockActions actions => BlockActions(tenant, actions, context.Now),
            SlackViewSubmission submission => ViewSubmission(tenant, submission, context.Now),
            _ => new SlackIgnored($"{interaction.Type} interactions are not handled"),
        };
    }

    public static SlackTranslation Translate(SlackSlashCommand command, SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command.Tenant is not { } tenant)
        {
            return new SlackInvalid("slash command needs team_id or enterprise_id");
        }

        var message = new MessageReceived(From(tenant, command.UserId, command.UserName), Address(tenant, command.ChannelId, null, command.TeamId),
            context.Now, SlackMarkup.Neutral($"{command.Command} {command.Text}".Trim()));
        return new SlackRouted(message, new SlackReplyTarget(tenant, command.UserId, command.ChannelId, TriggerId: command.TriggerId,
            ReceivedAt: context.Now, Ephemeral: true));
    }

    private static SlackTranslation BlockActions(string tenant, SlackBlockActions payload, DateTimeOffset now)
    {
        var action = payload.Actions.FirstOrDefault();
        if (action?.ActionId is not { } actionId)
        {
            return new SlackInvalid("block_actions needs actions[0].action_id");
        }

        var channelId = payload.ChannelId ?? payload.Container.ChannelId;
        var values = SlackFormValues.Of(payload.State ?? payload.View?.State);
        foreach (var (key, value) in SlackFormValues.ActionData(action))
        {
            values[key] = value;
        }

        var messageTs = payload.Container.MessageTs ?? payload.MessageTs;
        var submitted = new CardSubmitted(From(tenant, payload.User.Id, payload.User.Name), Address(tenant, channelId ?? payload.User.Id, null, payload.TeamId),
            now, BlockKitRenderer.VerbOf(actionId), values, messageTs);
        return new SlackRouted(submitted, new SlackReplyTarget(tenant, payload.User.Id, channelId, TriggerId: payload.TriggerId, ReceivedAt: now,
            MessageTs: messageTs, ViewId: payload.View?.Id, ViewType: payload.View?.Type, Ephemeral: payload.Container.IsEphemeral));
    }

    private static SlackRouted ViewSubmission(string tenant, SlackViewSubmission payload, DateTimeOffset now)
    {
        var view = payload.View;
        var values = SlackFormValues.Of(view?.State);
        foreach (var (key, value) in SlackFormValues.Metadata(view?.PrivateMetadata))
        {
            values.TryAdd(key, value);
        }

        var verb = view?.CallbackId is { Length: > 0 } callback ? callback : "view_submission";
        var submitted = new CardSubmitted(From(tenant, payload.User.Id, payload.User.Name), Address(tenant, payload.User.Id, null, payload.TeamId),
            now, verb, values, view?.Id);
        return new SlackRouted(submitted, new SlackReplyTarget(tenant, payload.User.Id, null));
    }
}
